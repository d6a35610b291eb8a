package cn.wangjian.platform.clue;

import cn.wangjian.platform.identity.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Clue API: the same register and the same scope as the pages. */
@RestController
@RequestMapping("/api/clues")
@PreAuthorize(ClueController.CAN_READ)
class ClueApiController {

    private final ClueRegister clues;

    ClueApiController(ClueRegister clues) {
        this.clues = clues;
    }

    @GetMapping
    List<Clue> list(@AuthenticationPrincipal CurrentUser user,
                    @RequestParam(defaultValue = "100") int limit) {
        return clues.list(user.dataScope(), Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    Clue get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        return clues.find(id, user.dataScope()).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @PreAuthorize(ClueController.CAN_REGISTER)
    ResponseEntity<Clue> register(@Valid @RequestBody NewClue clue, @AuthenticationPrincipal CurrentUser user) {
        Clue created = clues.register(clue, user);
        return ResponseEntity.created(URI.create("/api/clues/" + created.id())).body(created);
    }

    @PostMapping("/{id}/shares")
    @PreAuthorize(ClueController.CAN_SHARE)
    ResponseEntity<ClueShare> share(@PathVariable long id, @Valid @RequestBody ShareRequest request,
                                    @AuthenticationPrincipal CurrentUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(clues.share(id, request, user).orElseThrow(() -> notFound(id)));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "线索不存在或不在您的数据范围内 (no such clue in your scope): " + id);
    }
}
