package cn.wangjian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Refusals are written once, Chinese first with an English gloss for logs and API clients ("立案须指定两名以上执法人员
 * (at least two officers)"); the pages people read show the Chinese only (issue 18: no English tail on a refusal).
 * The page's {@code error} and {@code message}, whether in the model or carried over a redirect, lose each
 * parenthesised ASCII gloss that ends the text or precedes its ": value". API answers keep the whole text.
 */
@Component
class ChineseForPeople implements HandlerInterceptor, WebMvcConfigurer {

    /** " (english words)" at the end, or just before ": value". */
    private static final Pattern GLOSS = Pattern.compile(" ?\\((?=[ -~&&[^()]]*[A-Za-z])[ -~&&[^()]]*\\)(?=:|$)");
    private static final String[] KEYS = {"error", "message"};

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** The text without its English gloss. */
    static String chinese(String text) {
        return text == null ? null : GLOSS.matcher(text).replaceAll("");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView view) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (flash != null) {
            strip(flash);
        }
        if (view != null) {
            strip(view.getModel());
        }
    }

    private static void strip(Map<String, Object> attributes) {
        for (String key : KEYS) {
            if (attributes.get(key) instanceof String s) {
                attributes.put(key, chinese(s));
            }
        }
    }
}
