package dev.dynamorm.benchmarks.model;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The hand-built {@link StaticTableSchema} of {@link WideBean}. */
final class WideStaticSchema {

    private WideStaticSchema() {}

    static StaticTableSchema<WideBean> create() {
        return StaticTableSchema.builder(WideBean.class)
                .newItemSupplier(WideBean::new)
                .addAttribute(
                        String.class,
                        a ->
                                a.name("id")
                                        .getter(WideBean::getId)
                                        .setter(WideBean::setId)
                                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(
                        String.class,
                        a -> a.name("s01").getter(WideBean::getS01).setter(WideBean::setS01))
                .addAttribute(
                        String.class,
                        a -> a.name("s02").getter(WideBean::getS02).setter(WideBean::setS02))
                .addAttribute(
                        String.class,
                        a -> a.name("s03").getter(WideBean::getS03).setter(WideBean::setS03))
                .addAttribute(
                        String.class,
                        a -> a.name("s04").getter(WideBean::getS04).setter(WideBean::setS04))
                .addAttribute(
                        String.class,
                        a -> a.name("s05").getter(WideBean::getS05).setter(WideBean::setS05))
                .addAttribute(
                        String.class,
                        a -> a.name("s06").getter(WideBean::getS06).setter(WideBean::setS06))
                .addAttribute(
                        String.class,
                        a -> a.name("s07").getter(WideBean::getS07).setter(WideBean::setS07))
                .addAttribute(
                        String.class,
                        a -> a.name("s08").getter(WideBean::getS08).setter(WideBean::setS08))
                .addAttribute(
                        String.class,
                        a -> a.name("s09").getter(WideBean::getS09).setter(WideBean::setS09))
                .addAttribute(
                        String.class,
                        a -> a.name("s10").getter(WideBean::getS10).setter(WideBean::setS10))
                .addAttribute(
                        String.class,
                        a -> a.name("s11").getter(WideBean::getS11).setter(WideBean::setS11))
                .addAttribute(
                        String.class,
                        a -> a.name("s12").getter(WideBean::getS12).setter(WideBean::setS12))
                .addAttribute(
                        String.class,
                        a -> a.name("s13").getter(WideBean::getS13).setter(WideBean::setS13))
                .addAttribute(
                        String.class,
                        a -> a.name("s14").getter(WideBean::getS14).setter(WideBean::setS14))
                .addAttribute(
                        String.class,
                        a -> a.name("s15").getter(WideBean::getS15).setter(WideBean::setS15))
                .addAttribute(
                        String.class,
                        a -> a.name("s16").getter(WideBean::getS16).setter(WideBean::setS16))
                .addAttribute(
                        String.class,
                        a -> a.name("s17").getter(WideBean::getS17).setter(WideBean::setS17))
                .addAttribute(
                        String.class,
                        a -> a.name("s18").getter(WideBean::getS18).setter(WideBean::setS18))
                .addAttribute(
                        String.class,
                        a -> a.name("s19").getter(WideBean::getS19).setter(WideBean::setS19))
                .addAttribute(
                        String.class,
                        a -> a.name("s20").getter(WideBean::getS20).setter(WideBean::setS20))
                .addAttribute(
                        String.class,
                        a -> a.name("s21").getter(WideBean::getS21).setter(WideBean::setS21))
                .addAttribute(
                        String.class,
                        a -> a.name("s22").getter(WideBean::getS22).setter(WideBean::setS22))
                .addAttribute(
                        String.class,
                        a -> a.name("s23").getter(WideBean::getS23).setter(WideBean::setS23))
                .addAttribute(
                        String.class,
                        a -> a.name("s24").getter(WideBean::getS24).setter(WideBean::setS24))
                .addAttribute(
                        Long.class,
                        a -> a.name("l01").getter(WideBean::getL01).setter(WideBean::setL01))
                .addAttribute(
                        Long.class,
                        a -> a.name("l02").getter(WideBean::getL02).setter(WideBean::setL02))
                .addAttribute(
                        Long.class,
                        a -> a.name("l03").getter(WideBean::getL03).setter(WideBean::setL03))
                .addAttribute(
                        Long.class,
                        a -> a.name("l04").getter(WideBean::getL04).setter(WideBean::setL04))
                .addAttribute(
                        Long.class,
                        a -> a.name("l05").getter(WideBean::getL05).setter(WideBean::setL05))
                .addAttribute(
                        Long.class,
                        a -> a.name("l06").getter(WideBean::getL06).setter(WideBean::setL06))
                .addAttribute(
                        Long.class,
                        a -> a.name("l07").getter(WideBean::getL07).setter(WideBean::setL07))
                .addAttribute(
                        Long.class,
                        a -> a.name("l08").getter(WideBean::getL08).setter(WideBean::setL08))
                .addAttribute(
                        Long.class,
                        a -> a.name("l09").getter(WideBean::getL09).setter(WideBean::setL09))
                .addAttribute(
                        Long.class,
                        a -> a.name("l10").getter(WideBean::getL10).setter(WideBean::setL10))
                .addAttribute(
                        Long.class,
                        a -> a.name("l11").getter(WideBean::getL11).setter(WideBean::setL11))
                .addAttribute(
                        Long.class,
                        a -> a.name("l12").getter(WideBean::getL12).setter(WideBean::setL12))
                .addAttribute(
                        Long.class,
                        a -> a.name("l13").getter(WideBean::getL13).setter(WideBean::setL13))
                .addAttribute(
                        Long.class,
                        a -> a.name("l14").getter(WideBean::getL14).setter(WideBean::setL14))
                .addAttribute(
                        Long.class,
                        a -> a.name("l15").getter(WideBean::getL15).setter(WideBean::setL15))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i01").getter(WideBean::getI01).setter(WideBean::setI01))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i02").getter(WideBean::getI02).setter(WideBean::setI02))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i03").getter(WideBean::getI03).setter(WideBean::setI03))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i04").getter(WideBean::getI04).setter(WideBean::setI04))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i05").getter(WideBean::getI05).setter(WideBean::setI05))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i06").getter(WideBean::getI06).setter(WideBean::setI06))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i07").getter(WideBean::getI07).setter(WideBean::setI07))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i08").getter(WideBean::getI08).setter(WideBean::setI08))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i09").getter(WideBean::getI09).setter(WideBean::setI09))
                .addAttribute(
                        Integer.class,
                        a -> a.name("i10").getter(WideBean::getI10).setter(WideBean::setI10))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b01").getter(WideBean::isB01).setter(WideBean::setB01))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b02").getter(WideBean::isB02).setter(WideBean::setB02))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b03").getter(WideBean::isB03).setter(WideBean::setB03))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b04").getter(WideBean::isB04).setter(WideBean::setB04))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b05").getter(WideBean::isB05).setter(WideBean::setB05))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b06").getter(WideBean::isB06).setter(WideBean::setB06))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b07").getter(WideBean::isB07).setter(WideBean::setB07))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b08").getter(WideBean::isB08).setter(WideBean::setB08))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b09").getter(WideBean::isB09).setter(WideBean::setB09))
                .addAttribute(
                        Boolean.class,
                        a -> a.name("b10").getter(WideBean::isB10).setter(WideBean::setB10))
                .build();
    }
}
