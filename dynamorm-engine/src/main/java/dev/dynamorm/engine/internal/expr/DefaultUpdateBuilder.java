package dev.dynamorm.engine.internal.expr;

import dev.dynamorm.internal.UpdateRecorder;

/**
 * Records the actions and conditions a user gives to {@link dev.dynamorm.UpdateBuilder}; the update
 * compiler checks and compiles them against the model just before sending. The recording (null
 * checks, when/or combining) is {@link UpdateRecorder}, which the test kit's MockDB shares.
 */
public final class DefaultUpdateBuilder extends UpdateRecorder {}
