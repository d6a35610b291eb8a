package cn.wangjian.platform.trade;

import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.registry.Registry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Platforms report their orders, reviews and parcels: {@code POST /api/platform-reports/orders} (and
 * {@code reviews}, {@code parcels}), the body JSON Lines or CSV with a header, read as it arrives. The answer lists
 * every rejected row by line; 200 when the report was kept, 422 when nothing was (all-or-nothing with a rejected row).
 */
@RestController
@PreAuthorize("hasRole('PLATFORM_COMPLIANCE')")
class TradeApiController {

    private final TradeReporting reporting;
    private final Registry registry;

    TradeApiController(TradeReporting reporting, Registry registry) {
        this.reporting = reporting;
        this.registry = registry;
    }

    @PostMapping(value = "/api/platform-reports/{kind:orders|reviews|parcels}", consumes = "*/*")
    ResponseEntity<TradeReport> report(@PathVariable String kind, @RequestParam(defaultValue = "all") String mode,
                                       @RequestParam(defaultValue = "UTF-8") String encoding,
                                       HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        String platform = registry.platformOf(user.organization()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "您所属的机构不是已登记的电子商务平台 (your organisation is not a registered platform)"));
        Charset charset;
        try {
            charset = cn.wangjian.engine.registry.TextEncoding.allowed(encoding);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "参数 encoding：" + e.getMessage());
        }
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        TradeKind k = TradeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        try (BufferedReader body = new BufferedReader(new InputStreamReader(request.getInputStream(), decoder), 1 << 16)) {
            TradeReport report = reporting.report(platform, k, body, TradeReporting.Mode.ofParameter(mode),
                    user.getUsername());
            return ResponseEntity.status(report.committed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
        }
    }
}
