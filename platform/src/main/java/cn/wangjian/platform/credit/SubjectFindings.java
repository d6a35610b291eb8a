package cn.wangjian.platform.credit;

import cn.wangjian.platform.identity.DataScope;
import java.time.Instant;
import java.util.List;

/**
 * Monitoring findings about a subject's shops, for its credit file. Implemented by the monitoring area (which
 * depends on credit, not the other way round); the file lists only what the reader's scope allows.
 */
public interface SubjectFindings {

    /** A finding as the credit file lists it. */
    record Finding(long id, String title, String law, String article, String status, Instant foundAt) {
    }

    /** A shop of the subject: platform and shop id. */
    record ShopRef(String platformCode, String shopId) {
    }

    List<Finding> findings(List<ShopRef> shops, DataScope scope, int limit);
}
