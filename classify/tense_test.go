package classify

import "testing"

func TestVerbForm(t *testing.T) {
	cases := []struct {
		word, stem string
		want       int
	}{
		{"kehitettiin", "kehit", formReported},
		{"kehitetty", "kehit", formReported},
		{"kehitetyn", "kehit", formReported},
		{"kehittivät", "kehit", formReported},
		{"kehitti", "kehit", formReported},
		{"kehitimme", "kehit", formReported},
		{"suunniteltiin", "suunnit", formReported},
		{"suunniteltu", "suunnit", formReported},
		{"toteutetussa", "toteut", formReported},
		{"osallistuivat", "osallistu", formReported},
		{"osallistunut", "osallistu", formReported},
		{"osallistuneet", "osallistu", formReported},
		{"osallistui", "osallistu", formReported},
		{"arvioitu", "arvioi", formReported},
		{"kysyi", "kysy", formReported},
		{"arvioi", "arvioi", formNone},
		{"arvioivat", "arvioi", formNone},
		{"laati", "laat", formReported},
		{"kehittämässä", "kehit", formProgressive},
		{"ideoimaan", "ideoi", formProgressive},
		{"kehitetään", "kehit", formNone},
		{"kehittää", "kehit", formNone},
		{"kehittäminen", "kehit", formNone},
		{"kehittämisessä", "kehit", formNone},
		{"kehittämisprojektiin", "kehit", formNone},
		{"kehittäjätiimi", "kehit", formNone},
		{"osallistua", "osallistu", formNone},
		{"osallistuvat", "osallistu", formNone},
		{"suunnitellaan", "suunnit", formNone},
		{"kerätään", "kerät", formNone},
		{"testaus", "testa", formNone},
	}
	for _, tc := range cases {
		t.Run(tc.word, func(t *testing.T) {
			if got := verbForm(tc.word, len(tc.stem)); got != tc.want {
				t.Errorf("verbForm(%q) = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}
