package dev.dynamorm.benchmarks.generated.twins;

import dev.dynamorm.annotations.DynamoTable;
import dev.dynamorm.annotations.PartitionKey;

/**
 * {@link dev.dynamorm.benchmarks.generated.GenWide} on another table, with the same field types:
 * registered first by {@code RegistrationBenchmark}'s {@code *TypesInUse_generated} cases, so that
 * registering the original afterwards costs what the second and later models of an application pay.
 *
 * @param id field id
 * @param s01 field s01
 * @param s02 field s02
 * @param s03 field s03
 * @param s04 field s04
 * @param s05 field s05
 * @param s06 field s06
 * @param s07 field s07
 * @param s08 field s08
 * @param s09 field s09
 * @param s10 field s10
 * @param s11 field s11
 * @param s12 field s12
 * @param s13 field s13
 * @param s14 field s14
 * @param s15 field s15
 * @param s16 field s16
 * @param s17 field s17
 * @param s18 field s18
 * @param s19 field s19
 * @param s20 field s20
 * @param s21 field s21
 * @param s22 field s22
 * @param s23 field s23
 * @param s24 field s24
 * @param l01 field l01
 * @param l02 field l02
 * @param l03 field l03
 * @param l04 field l04
 * @param l05 field l05
 * @param l06 field l06
 * @param l07 field l07
 * @param l08 field l08
 * @param l09 field l09
 * @param l10 field l10
 * @param l11 field l11
 * @param l12 field l12
 * @param l13 field l13
 * @param l14 field l14
 * @param l15 field l15
 * @param i01 field i01
 * @param i02 field i02
 * @param i03 field i03
 * @param i04 field i04
 * @param i05 field i05
 * @param i06 field i06
 * @param i07 field i07
 * @param i08 field i08
 * @param i09 field i09
 * @param i10 field i10
 * @param b01 field b01
 * @param b02 field b02
 * @param b03 field b03
 * @param b04 field b04
 * @param b05 field b05
 * @param b06 field b06
 * @param b07 field b07
 * @param b08 field b08
 * @param b09 field b09
 * @param b10 field b10
 */
@DynamoTable("wide_twin")
public record GenWideTwin(
        @PartitionKey String id,
        String s01,
        String s02,
        String s03,
        String s04,
        String s05,
        String s06,
        String s07,
        String s08,
        String s09,
        String s10,
        String s11,
        String s12,
        String s13,
        String s14,
        String s15,
        String s16,
        String s17,
        String s18,
        String s19,
        String s20,
        String s21,
        String s22,
        String s23,
        String s24,
        long l01,
        long l02,
        long l03,
        long l04,
        long l05,
        long l06,
        long l07,
        long l08,
        long l09,
        long l10,
        long l11,
        long l12,
        long l13,
        long l14,
        long l15,
        int i01,
        int i02,
        int i03,
        int i04,
        int i05,
        int i06,
        int i07,
        int i08,
        int i09,
        int i10,
        boolean b01,
        boolean b02,
        boolean b03,
        boolean b04,
        boolean b05,
        boolean b06,
        boolean b07,
        boolean b08,
        boolean b09,
        boolean b10) {}
