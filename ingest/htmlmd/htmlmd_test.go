package htmlmd

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestString(t *testing.T) {
	base, _ := url.Parse("https://news.example/a/b")
	html := `<h2>Head</h2><p>See <a href="/c">this</a>, <a href="javascript:x()">that</a> and
<a href="mailto:ed@example.com">mail</a>.<img src="data:image/png;base64,AAA" alt="bad"><img src="/i.jpg" alt="ok"></p>
<script>alert(1)</script><iframe src="https://evil.example/"></iframe><form><input value="x"></form>
<ul><li>one</li><li>two &#27;[31m</li></ul><p>&amp;#27;[2J</p>`
	got, err := String(html, base)
	if err != nil {
		t.Fatal(err)
	}
	md := strings.Join(got, "\n\n")
	for _, want := range []string{"## Head", "[this](https://news.example/c)", "that", "[mail](mailto:ed@example.com)", "![ok](https://news.example/i.jpg)", "- one"} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	for _, bad := range []string{"javascript", "data:", "alert", "evil", "\x1b", "&#27;", `\&#27;`} {
		if strings.Contains(md, bad) {
			t.Errorf("kept %q in\n%s", bad, md)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	for _, n := range []int{150, 20000} {
		deepNesting(t, n)
	}
}

func deepNesting(t *testing.T, n int) {
	html := strings.Repeat("<blockquote><ul><li>", n) + "bottom" + strings.Repeat("</li></ul></blockquote>", n)
	done := make(chan []string, 1)
	go func() {
		got, err := String(html, nil)
		if err != nil {
			// x/net/html refuses documents nested over 512 deep: a clear
			// error is as good as flattened text.
			got = []string{"bottom"}
			if !strings.Contains(err.Error(), "parse HTML") {
				t.Errorf("error %v", err)
			}
		}
		done <- got
	}()
	select {
	case got := <-done:
		md := strings.Join(got, "\n")
		if !strings.Contains(md, "bottom") {
			t.Errorf("deep text lost")
		}
		for _, l := range strings.Split(md, "\n") {
			if len(l)-len(strings.TrimLeft(l, " >-")) > 200 {
				t.Fatalf("line nests too deep: %d prefix bytes", len(l)-len(strings.TrimLeft(l, " >-")))
			}
		}
	case <-time.After(30 * time.Second):
		t.Fatal("conversion hung")
	}
}
