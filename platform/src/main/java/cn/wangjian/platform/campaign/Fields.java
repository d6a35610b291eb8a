package cn.wangjian.platform.campaign;

/** The checks the campaign's forms share, each refusal naming its field. */
final class Fields {

    private Fields() {
    }

    /** {@code v} stripped, if 1 to {@code max} characters; otherwise refused with the field and its Chinese label. */
    static String required(String v, String field, String label, int max) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty() || s.length() > max) {
            throw new CampaignRefusedException("字段 " + field + "：请填写" + label + "（1至" + max + "字）(" + field + " needed)");
        }
        return s;
    }
}
