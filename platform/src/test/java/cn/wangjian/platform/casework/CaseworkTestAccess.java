package cn.wangjian.platform.casework;

/** What other packages' tests may use of the casework tests. */
public final class CaseworkTestAccess {

    private CaseworkTestAccess() {
    }

    /** A PDF's text without white space. */
    public static String pdfText(byte[] pdf) throws Exception {
        return CaseworkTest.pdfText(pdf);
    }
}
