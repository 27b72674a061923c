package dev.dynamorm.benchmarks.model;

/** Values of the large model. */
final class WideFixture {

    private WideFixture() {}

    static Wide wide(int n) {
        return new Wide(
                "wide-" + n,
                "value of s01, a short text",
                "value of s02, a short text",
                "value of s03, a short text",
                "value of s04, a short text",
                "value of s05, a short text",
                "value of s06, a short text",
                "value of s07, a short text",
                "value of s08, a short text",
                "value of s09, a short text",
                "value of s10, a short text",
                "value of s11, a short text",
                "value of s12, a short text",
                "value of s13, a short text",
                "value of s14, a short text",
                "value of s15, a short text",
                "value of s16, a short text",
                "value of s17, a short text",
                "value of s18, a short text",
                "value of s19, a short text",
                "value of s20, a short text",
                "value of s21, a short text",
                "value of s22, a short text",
                "value of s23, a short text",
                "value of s24, a short text",
                25000075L * (n + 1),
                26000078L * (n + 1),
                27000081L * (n + 1),
                28000084L * (n + 1),
                29000087L * (n + 1),
                30000090L * (n + 1),
                31000093L * (n + 1),
                32000096L * (n + 1),
                33000099L * (n + 1),
                34000102L * (n + 1),
                35000105L * (n + 1),
                36000108L * (n + 1),
                37000111L * (n + 1),
                38000114L * (n + 1),
                39000117L * (n + 1),
                280 + n,
                287 + n,
                294 + n,
                301 + n,
                308 + n,
                315 + n,
                322 + n,
                329 + n,
                336 + n,
                343 + n,
                (n + 50) % 2 == 0,
                (n + 51) % 2 == 0,
                (n + 52) % 2 == 0,
                (n + 53) % 2 == 0,
                (n + 54) % 2 == 0,
                (n + 55) % 2 == 0,
                (n + 56) % 2 == 0,
                (n + 57) % 2 == 0,
                (n + 58) % 2 == 0,
                (n + 59) % 2 == 0);
    }

    static WideBean bean(Wide w) {
        WideBean b = new WideBean();
        b.setId(w.id());
        b.setS01(w.s01());
        b.setS02(w.s02());
        b.setS03(w.s03());
        b.setS04(w.s04());
        b.setS05(w.s05());
        b.setS06(w.s06());
        b.setS07(w.s07());
        b.setS08(w.s08());
        b.setS09(w.s09());
        b.setS10(w.s10());
        b.setS11(w.s11());
        b.setS12(w.s12());
        b.setS13(w.s13());
        b.setS14(w.s14());
        b.setS15(w.s15());
        b.setS16(w.s16());
        b.setS17(w.s17());
        b.setS18(w.s18());
        b.setS19(w.s19());
        b.setS20(w.s20());
        b.setS21(w.s21());
        b.setS22(w.s22());
        b.setS23(w.s23());
        b.setS24(w.s24());
        b.setL01(w.l01());
        b.setL02(w.l02());
        b.setL03(w.l03());
        b.setL04(w.l04());
        b.setL05(w.l05());
        b.setL06(w.l06());
        b.setL07(w.l07());
        b.setL08(w.l08());
        b.setL09(w.l09());
        b.setL10(w.l10());
        b.setL11(w.l11());
        b.setL12(w.l12());
        b.setL13(w.l13());
        b.setL14(w.l14());
        b.setL15(w.l15());
        b.setI01(w.i01());
        b.setI02(w.i02());
        b.setI03(w.i03());
        b.setI04(w.i04());
        b.setI05(w.i05());
        b.setI06(w.i06());
        b.setI07(w.i07());
        b.setI08(w.i08());
        b.setI09(w.i09());
        b.setI10(w.i10());
        b.setB01(w.b01());
        b.setB02(w.b02());
        b.setB03(w.b03());
        b.setB04(w.b04());
        b.setB05(w.b05());
        b.setB06(w.b06());
        b.setB07(w.b07());
        b.setB08(w.b08());
        b.setB09(w.b09());
        b.setB10(w.b10());
        return b;
    }
}
