package cn.wangjian.platform.registry;

import java.util.List;

/**
 * The outcome of an import: how many rows were read and written, every rejected row with its line and reason,
 * and whether anything was written (an all-or-nothing import with a rejected row writes nothing).
 */
public record ImportReport(ImportKind kind, String encoding, String mode, int rows, int imported,
                           List<Rejected> rejected, boolean committed) {

    public record Rejected(long line, String reason) {
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s：读取 %d 行（%s 编码），%s %d 行，拒绝 %d 行 (%d rows, %d imported, %d rejected)%n",
                kind.label(), rows, encoding, committed ? "导入" : "未导入（全部或全不模式）", imported, rejected.size(),
                rows, imported, rejected.size()));
        for (Rejected r : rejected) {
            sb.append("  第 ").append(r.line()).append(" 行 (line ").append(r.line()).append("): ").append(r.reason())
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }
}
