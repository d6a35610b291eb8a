package cn.wangjian.platform.casework;

import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import org.springframework.stereotype.Component;

/** The names of deciding authorities, e.g. 北京市东城区市场监督管理局, for documents and publication. */
@Component
class Authorities {

    private final Directory directory;

    Authorities(Directory directory) {
        this.directory = directory;
    }

    String name(String agency, String region) {
        String place = directory.fullName(new RegionCode(region)).replace("市辖区", "").replace(" ", "");
        String body = switch (agency) {
            case "SAMR" -> "市场监督管理局";
            default -> directory.agency(agency).map(a -> a.shortName()).orElse(agency) + "部门";
        };
        return (place.equals("全国") ? "国家" : place) + body;
    }
}
