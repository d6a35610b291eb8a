package cn.wangjian.platform.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    @ModelAttribute("areas")
    List<Area> areas() {
        return Area.ALL;
    }
}
