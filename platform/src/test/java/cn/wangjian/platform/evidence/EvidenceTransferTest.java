package cn.wangjian.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Evidence moves between agencies with its hashes verified on receipt; a package altered in transit is refused. */
class EvidenceTransferTest extends PlatformTest {

    @Autowired
    Evidence evidence;
    @Autowired
    EvidenceTransfers transfers;

    private Capture capture(String url) {
        return evidence.record(new Evidence.NewCapture(Capture.Kind.WEB_PAGE, url, Instant.now(), 200, null,
                "text/html", ("<p>" + url + " 高仿名牌</p>").getBytes(StandardCharsets.UTF_8), url + " 高仿名牌", null,
                null, "tr.bj", "SAMR", "110000"));
    }

    @Test
    void a_transfer_is_verified_on_receipt_and_an_altered_package_is_refused() throws Exception {
        CurrentUser sender = accounts.loadUserByUsername(testUser("tr.bj", "SAMR", "110000", Role.CASE_OFFICER));
        CurrentUser police = accounts.loadUserByUsername(testUser("tr.police", "MPS", "110000", Role.AGENCY_LIAISON));
        CurrentUser customs = accounts.loadUserByUsername(testUser("tr.customs", "CUSTOMS", "110000", Role.AGENCY_LIAISON));
        Capture a = capture("https://shop.example/t1");
        Capture b = capture("https://shop.example/t2");
        assertThat(evidence.find(a.seq(), police.dataScope())).isEmpty();

        EvidenceTransfers.Transfer sent = transfers.send(List.of(a.seq(), b.seq()), "MPS", "110000", "涉嫌犯罪移送", sender);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThatThrownBy(() -> transfers.receive(sent.id(), customs)).isInstanceOf(NoSuchElementException.class);
        EvidenceTransfers.Transfer received = transfers.receive(sent.id(), police);
        assertThat(received.status()).as(received.problems()).isEqualTo("RECEIVED");
        long imported = Long.parseLong(received.importedSeqs().split(",")[0]);
        Capture copy = evidence.find(imported, police.dataScope()).orElseThrow();
        assertThat(copy.contentSha256()).isEqualTo(a.contentSha256());
        assertThat(copy.note()).contains("原序号 " + a.seq());
        assertThatThrownBy(() -> transfers.receive(sent.id(), police)).hasMessageContaining("已处理");

        // a package altered after sending is refused on receipt, with the reason kept
        EvidenceTransfers.Transfer second = transfers.send(List.of(b.seq()), "MPS", "110000", null, sender);
        Path stored = dataDir().resolve("evidence/objects").resolve(second.packageSha256().substring(0, 2))
                .resolve(second.packageSha256());
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(stored, bytes);
        EvidenceTransfers.Transfer refused = transfers.receive(second.id(), police);
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.problems()).contains("被改动", second.packageSha256());
        assertThat(transfers.ofBureau(sender)).extracting(EvidenceTransfers.Transfer::status)
                .contains("RECEIVED", "REFUSED");
    }
}
