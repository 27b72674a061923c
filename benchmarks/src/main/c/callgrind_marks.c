/*
 * JNI side of dev.dynamorm.benchmarks.CallgrindMarks: callgrind's client requests, so a probe can
 * zero the counters after its warm-up and dump them after each measured segment. Outside valgrind
 * the requests are no-ops. Build (needs valgrind's headers and a JDK):
 *
 *   gcc -O2 -shared -fPIC -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" \
 *       -o libcallgrindmarks.so benchmarks/src/main/c/callgrind_marks.c
 */
#include <jni.h>
#include <valgrind/callgrind.h>

JNIEXPORT void JNICALL Java_dev_dynamorm_benchmarks_CallgrindMarks_zero0(JNIEnv *env, jclass c) {
    CALLGRIND_ZERO_STATS;
}

JNIEXPORT void JNICALL Java_dev_dynamorm_benchmarks_CallgrindMarks_dump0(
        JNIEnv *env, jclass c, jstring name) {
    const char *text = (*env)->GetStringUTFChars(env, name, NULL);
    CALLGRIND_DUMP_STATS_AT(text);
    (*env)->ReleaseStringUTFChars(env, name, text);
}
