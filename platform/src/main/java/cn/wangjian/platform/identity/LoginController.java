package cn.wangjian.platform.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 HttpSession session, Model model) {
        if (error != null) {
            Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String message;
            if (last instanceof LoginThrottledException t) {
                message = "登录失败次数过多，账号已被暂时锁定，请 " + t.minutes() + " 分钟后再试。";
            } else if (last instanceof DisabledException) {
                message = "该账号已停用，请联系系统管理员。";
            } else if (last instanceof BadCredentialsException || last == null) {
                message = "用户名或密码错误。";
            } else {
                message = "登录失败，请重试。";
            }
            model.addAttribute("error", message);
        }
        if (logout != null) {
            model.addAttribute("info", "您已安全退出。");
        }
        return "login";
    }
}
