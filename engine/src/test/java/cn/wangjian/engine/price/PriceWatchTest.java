package cn.wangjian.engine.price;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PriceWatchTest {

    static final LocalDate D = LocalDate.of(2026, 11, 1);

    @Test
    void a_late_change_takes_its_place_and_a_repeat_changes_nothing() {
        PriceWatch w = PriceWatch.EMPTY;
        w = w.apply(D, 10_000, -1, -1).watch();
        PriceWatch.Applied discount = w.apply(D.plusDays(10), 8_000, 15_000, -1);
        assertThat(discount.outcome()).isEqualTo(PriceWatch.Outcome.NEW);
        w = discount.watch();
        // the raise between them arrives last
        PriceWatch.Applied raise = w.apply(D.plusDays(5), 15_000, 12_000, 9_000);
        assertThat(raise.outcome()).isEqualTo(PriceWatch.Outcome.LATE);
        w = raise.watch();
        assertThat(w.history().compact()).isEqualTo("2026-11-01:100;2026-11-06:150;2026-11-11:80");
        assertThat(w.referenceCents()).as("a late change does not set today's shown prices").isEqualTo(15_000);
        assertThat(w.homeCents()).isEqualTo(-1);
        assertThat(w.apply(D.plusDays(5), 15_000, 1, 1).outcome()).isEqualTo(PriceWatch.Outcome.DUPLICATE);
        assertThat(w.apply(D.plusDays(5), 14_000, -1, -1).outcome()).isEqualTo(PriceWatch.Outcome.CORRECTED);
        // the rules see the raise before the discount
        assertThat(PriceRules.builtIn().check(w.offer(), D.plusDays(12))).extracting(f -> f.rule().id())
                .contains("PR-17.1-RAISE-BEFORE-DISCOUNT");
    }

    @Test
    void history_older_than_the_window_is_trimmed_but_the_price_on_its_first_day_kept() {
        PriceWatch w = PriceWatch.EMPTY;
        for (int i = 0; i < 400; i += 10) {
            w = w.apply(D.plusDays(i), 1_000 + i, -1, -1).watch();
        }
        LocalDate newest = D.plusDays(390);
        assertThat(w.history().changes().get(0).from()).isBeforeOrEqualTo(newest.minusDays(PriceWatch.KEEP_DAYS));
        assertThat(w.history().changes().get(1).from()).isAfter(newest.minusDays(PriceWatch.KEEP_DAYS));
        assertThat(w.apply(D, 5, -1, -1).outcome()).isEqualTo(PriceWatch.Outcome.DUPLICATE);
        assertThat(PriceWatch.decode(w.encode())).isEqualTo(w);
        assertThat(PriceWatch.decode(PriceWatch.EMPTY.encode())).isEqualTo(PriceWatch.EMPTY);
    }

    /** Whatever order a listing's changes arrive in (each once or twice), the kept history is the same. */
    @Property(tries = 200)
    void arrival_order_and_repeats_do_not_change_the_history(@ForAll @IntRange(min = 1, max = 30) int n,
                                                             @ForAll long seed) {
        Random random = new Random(seed);
        List<int[]> changes = new ArrayList<>();
        int day = 0;
        for (int i = 0; i < n; i++) {
            day += 1 + random.nextInt(20);
            changes.add(new int[] {day, 100 + random.nextInt(10_000)});
        }
        PriceWatch inOrder = PriceWatch.EMPTY;
        for (int[] c : changes) {
            inOrder = inOrder.apply(D.plusDays(c[0]), c[1], -1, -1).watch();
        }
        List<int[]> shuffled = new ArrayList<>(changes);
        shuffled.addAll(changes.subList(0, random.nextInt(changes.size() + 1)));
        Collections.shuffle(shuffled, random);
        PriceWatch any = PriceWatch.EMPTY;
        for (int[] c : shuffled) {
            any = any.apply(D.plusDays(c[0]), c[1], -1, -1).watch();
        }
        // the price on the window's first day may be kept by one order and not the other (a change older than the
        // window when it came is dropped); every change inside the window is the same
        LocalDate cut = D.plusDays(day).minusDays(PriceWatch.KEEP_DAYS);
        assertThat(any.history().changes().stream().filter(c -> c.from().isAfter(cut)).toList())
                .isEqualTo(inOrder.history().changes().stream().filter(c -> c.from().isAfter(cut)).toList());
    }
}
