package dev.dynamorm.benchmarks.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Hand-written conversion of {@link Wide}: what a developer writes against the low-level SDK. */
final class WideCodec {

    private WideCodec() {}

    static Map<String, AttributeValue> toItem(Wide w) {
        Map<String, AttributeValue> m = new HashMap<>(128);
        if (w.id() != null) {
            m.put("id", AttributeValue.createS(w.id()));
        }
        if (w.s01() != null) {
            m.put("s01", AttributeValue.createS(w.s01()));
        }
        if (w.s02() != null) {
            m.put("s02", AttributeValue.createS(w.s02()));
        }
        if (w.s03() != null) {
            m.put("s03", AttributeValue.createS(w.s03()));
        }
        if (w.s04() != null) {
            m.put("s04", AttributeValue.createS(w.s04()));
        }
        if (w.s05() != null) {
            m.put("s05", AttributeValue.createS(w.s05()));
        }
        if (w.s06() != null) {
            m.put("s06", AttributeValue.createS(w.s06()));
        }
        if (w.s07() != null) {
            m.put("s07", AttributeValue.createS(w.s07()));
        }
        if (w.s08() != null) {
            m.put("s08", AttributeValue.createS(w.s08()));
        }
        if (w.s09() != null) {
            m.put("s09", AttributeValue.createS(w.s09()));
        }
        if (w.s10() != null) {
            m.put("s10", AttributeValue.createS(w.s10()));
        }
        if (w.s11() != null) {
            m.put("s11", AttributeValue.createS(w.s11()));
        }
        if (w.s12() != null) {
            m.put("s12", AttributeValue.createS(w.s12()));
        }
        if (w.s13() != null) {
            m.put("s13", AttributeValue.createS(w.s13()));
        }
        if (w.s14() != null) {
            m.put("s14", AttributeValue.createS(w.s14()));
        }
        if (w.s15() != null) {
            m.put("s15", AttributeValue.createS(w.s15()));
        }
        if (w.s16() != null) {
            m.put("s16", AttributeValue.createS(w.s16()));
        }
        if (w.s17() != null) {
            m.put("s17", AttributeValue.createS(w.s17()));
        }
        if (w.s18() != null) {
            m.put("s18", AttributeValue.createS(w.s18()));
        }
        if (w.s19() != null) {
            m.put("s19", AttributeValue.createS(w.s19()));
        }
        if (w.s20() != null) {
            m.put("s20", AttributeValue.createS(w.s20()));
        }
        if (w.s21() != null) {
            m.put("s21", AttributeValue.createS(w.s21()));
        }
        if (w.s22() != null) {
            m.put("s22", AttributeValue.createS(w.s22()));
        }
        if (w.s23() != null) {
            m.put("s23", AttributeValue.createS(w.s23()));
        }
        if (w.s24() != null) {
            m.put("s24", AttributeValue.createS(w.s24()));
        }
        m.put("l01", AttributeValue.createN(Long.toString(w.l01())));
        m.put("l02", AttributeValue.createN(Long.toString(w.l02())));
        m.put("l03", AttributeValue.createN(Long.toString(w.l03())));
        m.put("l04", AttributeValue.createN(Long.toString(w.l04())));
        m.put("l05", AttributeValue.createN(Long.toString(w.l05())));
        m.put("l06", AttributeValue.createN(Long.toString(w.l06())));
        m.put("l07", AttributeValue.createN(Long.toString(w.l07())));
        m.put("l08", AttributeValue.createN(Long.toString(w.l08())));
        m.put("l09", AttributeValue.createN(Long.toString(w.l09())));
        m.put("l10", AttributeValue.createN(Long.toString(w.l10())));
        m.put("l11", AttributeValue.createN(Long.toString(w.l11())));
        m.put("l12", AttributeValue.createN(Long.toString(w.l12())));
        m.put("l13", AttributeValue.createN(Long.toString(w.l13())));
        m.put("l14", AttributeValue.createN(Long.toString(w.l14())));
        m.put("l15", AttributeValue.createN(Long.toString(w.l15())));
        m.put("i01", AttributeValue.createN(Integer.toString(w.i01())));
        m.put("i02", AttributeValue.createN(Integer.toString(w.i02())));
        m.put("i03", AttributeValue.createN(Integer.toString(w.i03())));
        m.put("i04", AttributeValue.createN(Integer.toString(w.i04())));
        m.put("i05", AttributeValue.createN(Integer.toString(w.i05())));
        m.put("i06", AttributeValue.createN(Integer.toString(w.i06())));
        m.put("i07", AttributeValue.createN(Integer.toString(w.i07())));
        m.put("i08", AttributeValue.createN(Integer.toString(w.i08())));
        m.put("i09", AttributeValue.createN(Integer.toString(w.i09())));
        m.put("i10", AttributeValue.createN(Integer.toString(w.i10())));
        m.put("b01", AttributeValue.createBool(w.b01()));
        m.put("b02", AttributeValue.createBool(w.b02()));
        m.put("b03", AttributeValue.createBool(w.b03()));
        m.put("b04", AttributeValue.createBool(w.b04()));
        m.put("b05", AttributeValue.createBool(w.b05()));
        m.put("b06", AttributeValue.createBool(w.b06()));
        m.put("b07", AttributeValue.createBool(w.b07()));
        m.put("b08", AttributeValue.createBool(w.b08()));
        m.put("b09", AttributeValue.createBool(w.b09()));
        m.put("b10", AttributeValue.createBool(w.b10()));
        return m;
    }

    static Wide fromItem(Map<String, AttributeValue> m) {
        return new Wide(
                Codecs.s(m, "id"),
                Codecs.s(m, "s01"),
                Codecs.s(m, "s02"),
                Codecs.s(m, "s03"),
                Codecs.s(m, "s04"),
                Codecs.s(m, "s05"),
                Codecs.s(m, "s06"),
                Codecs.s(m, "s07"),
                Codecs.s(m, "s08"),
                Codecs.s(m, "s09"),
                Codecs.s(m, "s10"),
                Codecs.s(m, "s11"),
                Codecs.s(m, "s12"),
                Codecs.s(m, "s13"),
                Codecs.s(m, "s14"),
                Codecs.s(m, "s15"),
                Codecs.s(m, "s16"),
                Codecs.s(m, "s17"),
                Codecs.s(m, "s18"),
                Codecs.s(m, "s19"),
                Codecs.s(m, "s20"),
                Codecs.s(m, "s21"),
                Codecs.s(m, "s22"),
                Codecs.s(m, "s23"),
                Codecs.s(m, "s24"),
                Codecs.l(m, "l01"),
                Codecs.l(m, "l02"),
                Codecs.l(m, "l03"),
                Codecs.l(m, "l04"),
                Codecs.l(m, "l05"),
                Codecs.l(m, "l06"),
                Codecs.l(m, "l07"),
                Codecs.l(m, "l08"),
                Codecs.l(m, "l09"),
                Codecs.l(m, "l10"),
                Codecs.l(m, "l11"),
                Codecs.l(m, "l12"),
                Codecs.l(m, "l13"),
                Codecs.l(m, "l14"),
                Codecs.l(m, "l15"),
                Codecs.i(m, "i01"),
                Codecs.i(m, "i02"),
                Codecs.i(m, "i03"),
                Codecs.i(m, "i04"),
                Codecs.i(m, "i05"),
                Codecs.i(m, "i06"),
                Codecs.i(m, "i07"),
                Codecs.i(m, "i08"),
                Codecs.i(m, "i09"),
                Codecs.i(m, "i10"),
                Codecs.b(m, "b01"),
                Codecs.b(m, "b02"),
                Codecs.b(m, "b03"),
                Codecs.b(m, "b04"),
                Codecs.b(m, "b05"),
                Codecs.b(m, "b06"),
                Codecs.b(m, "b07"),
                Codecs.b(m, "b08"),
                Codecs.b(m, "b09"),
                Codecs.b(m, "b10"));
    }
}
