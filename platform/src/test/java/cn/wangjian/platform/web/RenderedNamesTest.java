package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, names not codes: every page of every role's navigation is rendered and its visible text (tags, attributes,
 * scripts and tooltips removed) is searched for the codes people should never have to read — agency codes, status
 * and severity constants, rule-category and stage identifiers. {@link RenderedText} is shared with the browser test.
 */
class RenderedNamesTest extends PlatformTest {

    @Autowired
    MockMvc mvc;

    @Test
    void no_page_of_any_role_shows_a_code_where_a_name_exists() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = "names." + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            CurrentUser u = accounts.loadUserByUsername(testUser(name, switch (role) {
                case AGENCY_LIAISON -> "MPS";
                case PLATFORM_COMPLIANCE -> null;
                default -> "SAMR";
            }, role == Role.ADMIN || role == Role.CAMPAIGN_COORDINATOR ? "000000" : "110000", role));
            Set<String> pages = new LinkedHashSet<>();
            String landing = html("/", u);
            pages.add("/");
            Matcher links = Pattern.compile("<a [^>]*href=\"(/[^\"]*)\"[^>]*data-area=").matcher(landing);
            while (links.find()) {
                pages.add(links.group(1).replace("&amp;", "&"));
            }
            Matcher links2 = Pattern.compile("<a [^>]*data-area=\"[^\"]*\"[^>]*href=\"(/[^\"]*)\"").matcher(landing);
            while (links2.find()) {
                pages.add(links2.group(1).replace("&amp;", "&"));
            }
            for (String page : pages) {
                String html = html(page, u);
                for (String code : RenderedText.codesIn(RenderedText.visible(html))) {
                    leaks.add(role + " " + page + ": " + code);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private String html(String path, CurrentUser u) throws Exception {
        var response = mvc.perform(get(path).with(user(u)).header("Accept", "text/html")).andReturn().getResponse();
        if (response.getRedirectedUrl() != null) {
            return html(response.getRedirectedUrl(), u);
        }
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
