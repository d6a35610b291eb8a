package cn.wangjian.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Unknown API paths answer with a problem detail, not the HTML 404 page. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "接口不存在 (no such API)");
    }
}
