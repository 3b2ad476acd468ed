package katas.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A line diff")
class LineDiffTest {

    @Test
    @DisplayName("is empty for equal texts")
    void equal() {
        assertThat(LineDiff.unified("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    @DisplayName("shows a changed line with its context, in the unified format")
    void changed() {
        String left = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String right = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(LineDiff.unified("mine", left, "theirs", right)).isEqualTo("""
                --- mine
                +++ theirs
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    @DisplayName("shows lines added at the end")
    void added() {
        assertThat(LineDiff.unified("a", "x\n", "b", "x\ny\n")).contains("@@ -1,1 +1,2 @@", " x", "+y");
    }
}
