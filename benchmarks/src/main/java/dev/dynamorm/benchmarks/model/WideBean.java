package dev.dynamorm.benchmarks.model;

import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/** The JavaBean twin of {@link Wide} for the Enhanced Client. */
@DynamoDbBean
public class WideBean {
    private String id;
    private String s01;
    private String s02;
    private String s03;
    private String s04;
    private String s05;
    private String s06;
    private String s07;
    private String s08;
    private String s09;
    private String s10;
    private String s11;
    private String s12;
    private String s13;
    private String s14;
    private String s15;
    private String s16;
    private String s17;
    private String s18;
    private String s19;
    private String s20;
    private String s21;
    private String s22;
    private String s23;
    private String s24;
    private long l01;
    private long l02;
    private long l03;
    private long l04;
    private long l05;
    private long l06;
    private long l07;
    private long l08;
    private long l09;
    private long l10;
    private long l11;
    private long l12;
    private long l13;
    private long l14;
    private long l15;
    private int i01;
    private int i02;
    private int i03;
    private int i04;
    private int i05;
    private int i06;
    private int i07;
    private int i08;
    private int i09;
    private int i10;
    private boolean b01;
    private boolean b02;
    private boolean b03;
    private boolean b04;
    private boolean b05;
    private boolean b06;
    private boolean b07;
    private boolean b08;
    private boolean b09;
    private boolean b10;

    /** For the mappers. */
    public WideBean() {}

    /**
     * @return id
     */
    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    /**
     * @param id the value
     */
    public void setId(String id) {
        this.id = id;
    }

    /**
     * @return s01
     */
    public String getS01() {
        return s01;
    }

    /**
     * @param s01 the value
     */
    public void setS01(String s01) {
        this.s01 = s01;
    }

    /**
     * @return s02
     */
    public String getS02() {
        return s02;
    }

    /**
     * @param s02 the value
     */
    public void setS02(String s02) {
        this.s02 = s02;
    }

    /**
     * @return s03
     */
    public String getS03() {
        return s03;
    }

    /**
     * @param s03 the value
     */
    public void setS03(String s03) {
        this.s03 = s03;
    }

    /**
     * @return s04
     */
    public String getS04() {
        return s04;
    }

    /**
     * @param s04 the value
     */
    public void setS04(String s04) {
        this.s04 = s04;
    }

    /**
     * @return s05
     */
    public String getS05() {
        return s05;
    }

    /**
     * @param s05 the value
     */
    public void setS05(String s05) {
        this.s05 = s05;
    }

    /**
     * @return s06
     */
    public String getS06() {
        return s06;
    }

    /**
     * @param s06 the value
     */
    public void setS06(String s06) {
        this.s06 = s06;
    }

    /**
     * @return s07
     */
    public String getS07() {
        return s07;
    }

    /**
     * @param s07 the value
     */
    public void setS07(String s07) {
        this.s07 = s07;
    }

    /**
     * @return s08
     */
    public String getS08() {
        return s08;
    }

    /**
     * @param s08 the value
     */
    public void setS08(String s08) {
        this.s08 = s08;
    }

    /**
     * @return s09
     */
    public String getS09() {
        return s09;
    }

    /**
     * @param s09 the value
     */
    public void setS09(String s09) {
        this.s09 = s09;
    }

    /**
     * @return s10
     */
    public String getS10() {
        return s10;
    }

    /**
     * @param s10 the value
     */
    public void setS10(String s10) {
        this.s10 = s10;
    }

    /**
     * @return s11
     */
    public String getS11() {
        return s11;
    }

    /**
     * @param s11 the value
     */
    public void setS11(String s11) {
        this.s11 = s11;
    }

    /**
     * @return s12
     */
    public String getS12() {
        return s12;
    }

    /**
     * @param s12 the value
     */
    public void setS12(String s12) {
        this.s12 = s12;
    }

    /**
     * @return s13
     */
    public String getS13() {
        return s13;
    }

    /**
     * @param s13 the value
     */
    public void setS13(String s13) {
        this.s13 = s13;
    }

    /**
     * @return s14
     */
    public String getS14() {
        return s14;
    }

    /**
     * @param s14 the value
     */
    public void setS14(String s14) {
        this.s14 = s14;
    }

    /**
     * @return s15
     */
    public String getS15() {
        return s15;
    }

    /**
     * @param s15 the value
     */
    public void setS15(String s15) {
        this.s15 = s15;
    }

    /**
     * @return s16
     */
    public String getS16() {
        return s16;
    }

    /**
     * @param s16 the value
     */
    public void setS16(String s16) {
        this.s16 = s16;
    }

    /**
     * @return s17
     */
    public String getS17() {
        return s17;
    }

    /**
     * @param s17 the value
     */
    public void setS17(String s17) {
        this.s17 = s17;
    }

    /**
     * @return s18
     */
    public String getS18() {
        return s18;
    }

    /**
     * @param s18 the value
     */
    public void setS18(String s18) {
        this.s18 = s18;
    }

    /**
     * @return s19
     */
    public String getS19() {
        return s19;
    }

    /**
     * @param s19 the value
     */
    public void setS19(String s19) {
        this.s19 = s19;
    }

    /**
     * @return s20
     */
    public String getS20() {
        return s20;
    }

    /**
     * @param s20 the value
     */
    public void setS20(String s20) {
        this.s20 = s20;
    }

    /**
     * @return s21
     */
    public String getS21() {
        return s21;
    }

    /**
     * @param s21 the value
     */
    public void setS21(String s21) {
        this.s21 = s21;
    }

    /**
     * @return s22
     */
    public String getS22() {
        return s22;
    }

    /**
     * @param s22 the value
     */
    public void setS22(String s22) {
        this.s22 = s22;
    }

    /**
     * @return s23
     */
    public String getS23() {
        return s23;
    }

    /**
     * @param s23 the value
     */
    public void setS23(String s23) {
        this.s23 = s23;
    }

    /**
     * @return s24
     */
    public String getS24() {
        return s24;
    }

    /**
     * @param s24 the value
     */
    public void setS24(String s24) {
        this.s24 = s24;
    }

    /**
     * @return l01
     */
    public long getL01() {
        return l01;
    }

    /**
     * @param l01 the value
     */
    public void setL01(long l01) {
        this.l01 = l01;
    }

    /**
     * @return l02
     */
    public long getL02() {
        return l02;
    }

    /**
     * @param l02 the value
     */
    public void setL02(long l02) {
        this.l02 = l02;
    }

    /**
     * @return l03
     */
    public long getL03() {
        return l03;
    }

    /**
     * @param l03 the value
     */
    public void setL03(long l03) {
        this.l03 = l03;
    }

    /**
     * @return l04
     */
    public long getL04() {
        return l04;
    }

    /**
     * @param l04 the value
     */
    public void setL04(long l04) {
        this.l04 = l04;
    }

    /**
     * @return l05
     */
    public long getL05() {
        return l05;
    }

    /**
     * @param l05 the value
     */
    public void setL05(long l05) {
        this.l05 = l05;
    }

    /**
     * @return l06
     */
    public long getL06() {
        return l06;
    }

    /**
     * @param l06 the value
     */
    public void setL06(long l06) {
        this.l06 = l06;
    }

    /**
     * @return l07
     */
    public long getL07() {
        return l07;
    }

    /**
     * @param l07 the value
     */
    public void setL07(long l07) {
        this.l07 = l07;
    }

    /**
     * @return l08
     */
    public long getL08() {
        return l08;
    }

    /**
     * @param l08 the value
     */
    public void setL08(long l08) {
        this.l08 = l08;
    }

    /**
     * @return l09
     */
    public long getL09() {
        return l09;
    }

    /**
     * @param l09 the value
     */
    public void setL09(long l09) {
        this.l09 = l09;
    }

    /**
     * @return l10
     */
    public long getL10() {
        return l10;
    }

    /**
     * @param l10 the value
     */
    public void setL10(long l10) {
        this.l10 = l10;
    }

    /**
     * @return l11
     */
    public long getL11() {
        return l11;
    }

    /**
     * @param l11 the value
     */
    public void setL11(long l11) {
        this.l11 = l11;
    }

    /**
     * @return l12
     */
    public long getL12() {
        return l12;
    }

    /**
     * @param l12 the value
     */
    public void setL12(long l12) {
        this.l12 = l12;
    }

    /**
     * @return l13
     */
    public long getL13() {
        return l13;
    }

    /**
     * @param l13 the value
     */
    public void setL13(long l13) {
        this.l13 = l13;
    }

    /**
     * @return l14
     */
    public long getL14() {
        return l14;
    }

    /**
     * @param l14 the value
     */
    public void setL14(long l14) {
        this.l14 = l14;
    }

    /**
     * @return l15
     */
    public long getL15() {
        return l15;
    }

    /**
     * @param l15 the value
     */
    public void setL15(long l15) {
        this.l15 = l15;
    }

    /**
     * @return i01
     */
    public int getI01() {
        return i01;
    }

    /**
     * @param i01 the value
     */
    public void setI01(int i01) {
        this.i01 = i01;
    }

    /**
     * @return i02
     */
    public int getI02() {
        return i02;
    }

    /**
     * @param i02 the value
     */
    public void setI02(int i02) {
        this.i02 = i02;
    }

    /**
     * @return i03
     */
    public int getI03() {
        return i03;
    }

    /**
     * @param i03 the value
     */
    public void setI03(int i03) {
        this.i03 = i03;
    }

    /**
     * @return i04
     */
    public int getI04() {
        return i04;
    }

    /**
     * @param i04 the value
     */
    public void setI04(int i04) {
        this.i04 = i04;
    }

    /**
     * @return i05
     */
    public int getI05() {
        return i05;
    }

    /**
     * @param i05 the value
     */
    public void setI05(int i05) {
        this.i05 = i05;
    }

    /**
     * @return i06
     */
    public int getI06() {
        return i06;
    }

    /**
     * @param i06 the value
     */
    public void setI06(int i06) {
        this.i06 = i06;
    }

    /**
     * @return i07
     */
    public int getI07() {
        return i07;
    }

    /**
     * @param i07 the value
     */
    public void setI07(int i07) {
        this.i07 = i07;
    }

    /**
     * @return i08
     */
    public int getI08() {
        return i08;
    }

    /**
     * @param i08 the value
     */
    public void setI08(int i08) {
        this.i08 = i08;
    }

    /**
     * @return i09
     */
    public int getI09() {
        return i09;
    }

    /**
     * @param i09 the value
     */
    public void setI09(int i09) {
        this.i09 = i09;
    }

    /**
     * @return i10
     */
    public int getI10() {
        return i10;
    }

    /**
     * @param i10 the value
     */
    public void setI10(int i10) {
        this.i10 = i10;
    }

    /**
     * @return b01
     */
    public boolean isB01() {
        return b01;
    }

    /**
     * @param b01 the value
     */
    public void setB01(boolean b01) {
        this.b01 = b01;
    }

    /**
     * @return b02
     */
    public boolean isB02() {
        return b02;
    }

    /**
     * @param b02 the value
     */
    public void setB02(boolean b02) {
        this.b02 = b02;
    }

    /**
     * @return b03
     */
    public boolean isB03() {
        return b03;
    }

    /**
     * @param b03 the value
     */
    public void setB03(boolean b03) {
        this.b03 = b03;
    }

    /**
     * @return b04
     */
    public boolean isB04() {
        return b04;
    }

    /**
     * @param b04 the value
     */
    public void setB04(boolean b04) {
        this.b04 = b04;
    }

    /**
     * @return b05
     */
    public boolean isB05() {
        return b05;
    }

    /**
     * @param b05 the value
     */
    public void setB05(boolean b05) {
        this.b05 = b05;
    }

    /**
     * @return b06
     */
    public boolean isB06() {
        return b06;
    }

    /**
     * @param b06 the value
     */
    public void setB06(boolean b06) {
        this.b06 = b06;
    }

    /**
     * @return b07
     */
    public boolean isB07() {
        return b07;
    }

    /**
     * @param b07 the value
     */
    public void setB07(boolean b07) {
        this.b07 = b07;
    }

    /**
     * @return b08
     */
    public boolean isB08() {
        return b08;
    }

    /**
     * @param b08 the value
     */
    public void setB08(boolean b08) {
        this.b08 = b08;
    }

    /**
     * @return b09
     */
    public boolean isB09() {
        return b09;
    }

    /**
     * @param b09 the value
     */
    public void setB09(boolean b09) {
        this.b09 = b09;
    }

    /**
     * @return b10
     */
    public boolean isB10() {
        return b10;
    }

    /**
     * @param b10 the value
     */
    public void setB10(boolean b10) {
        this.b10 = b10;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WideBean b
                && Objects.equals(id, b.id)
                && Objects.equals(s01, b.s01)
                && Objects.equals(s02, b.s02)
                && Objects.equals(s03, b.s03)
                && Objects.equals(s04, b.s04)
                && Objects.equals(s05, b.s05)
                && Objects.equals(s06, b.s06)
                && Objects.equals(s07, b.s07)
                && Objects.equals(s08, b.s08)
                && Objects.equals(s09, b.s09)
                && Objects.equals(s10, b.s10)
                && Objects.equals(s11, b.s11)
                && Objects.equals(s12, b.s12)
                && Objects.equals(s13, b.s13)
                && Objects.equals(s14, b.s14)
                && Objects.equals(s15, b.s15)
                && Objects.equals(s16, b.s16)
                && Objects.equals(s17, b.s17)
                && Objects.equals(s18, b.s18)
                && Objects.equals(s19, b.s19)
                && Objects.equals(s20, b.s20)
                && Objects.equals(s21, b.s21)
                && Objects.equals(s22, b.s22)
                && Objects.equals(s23, b.s23)
                && Objects.equals(s24, b.s24)
                && l01 == b.l01
                && l02 == b.l02
                && l03 == b.l03
                && l04 == b.l04
                && l05 == b.l05
                && l06 == b.l06
                && l07 == b.l07
                && l08 == b.l08
                && l09 == b.l09
                && l10 == b.l10
                && l11 == b.l11
                && l12 == b.l12
                && l13 == b.l13
                && l14 == b.l14
                && l15 == b.l15
                && i01 == b.i01
                && i02 == b.i02
                && i03 == b.i03
                && i04 == b.i04
                && i05 == b.i05
                && i06 == b.i06
                && i07 == b.i07
                && i08 == b.i08
                && i09 == b.i09
                && i10 == b.i10
                && b01 == b.b01
                && b02 == b.b02
                && b03 == b.b03
                && b04 == b.b04
                && b05 == b.b05
                && b06 == b.b06
                && b07 == b.b07
                && b08 == b.b08
                && b09 == b.b09
                && b10 == b.b10;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id, s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16,
                s17, s18, s19, s20, s21, s22, s23, s24, l01, l02, l03, l04, l05, l06, l07, l08, l09,
                l10, l11, l12, l13, l14, l15, i01, i02, i03, i04, i05, i06, i07, i08, i09, i10, b01,
                b02, b03, b04, b05, b06, b07, b08, b09, b10);
    }
}
