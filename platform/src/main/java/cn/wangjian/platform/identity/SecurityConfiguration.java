package cn.wangjian.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page and API needs a login except the login page, static assets, health and the public pages
 * ({@code /public/**}). Browsers use form login with a server session and CSRF tokens; API clients use API tokens
 * ({@code Authorization: Bearer}, decision 0020), which need no CSRF token because a browser never sends that header
 * across sites on its own. HTTP Basic is not accepted: it would cost a password hash on every request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    private static final RequestMatcher BEARER = ApiTokenFilter::bearer;

    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(argon2, Map.of(
                argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    LoginThrottle loginThrottle(@Value("${wangjian.login.max-failures:5}") int maxFailures,
                                @Value("${wangjian.login.max-failures-per-address:20}") int perAddress,
                                @Value("${wangjian.login.lock-minutes:15}") int minutes, Clock clock,
                                org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return new LoginThrottle(maxFailures, perAddress, Duration.ofMinutes(minutes), clock,
                new JdbcLoginFailures(jdbc, LoginThrottle.HORIZON));
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle));
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            ObjectMapper objectMapper, ApiTokens tokens, LoginThrottle throttle,
                                            @Value("${wangjian.api.concurrent-token-requests:0}") int concurrent,
                                            @Value("${wangjian.api.queue-seconds:10}") int queueSeconds)
            throws Exception {
        // by default as many token requests run at once as the machine has cores
        int slots = concurrent > 0 ? concurrent : Runtime.getRuntime().availableProcessors();
        ApiAuthenticationEntryPoint api = new ApiAuthenticationEntryPoint(objectMapper);
        http
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/public/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .addFilterBefore(new OneCredentialFilter(api),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ApiTokenFilter(tokens, throttle, api, slots, Duration.ofSeconds(queueSeconds)), OneCredentialFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(api, API)
                        .defaultAccessDeniedHandlerFor(api, API)
                        // pages: the container's error page (Chinese HTML for a browser, a problem detail for
                        // other clients); with the API's handler as the only mapping, Spring would use it for all
                        .defaultAccessDeniedHandlerFor(
                                new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
