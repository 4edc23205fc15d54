import LeadRender
import Testing

/// Which characters a terminal chart may use, by the locale.
@Suite struct ChartStyleTests {
    @Test func unicodeWhenTheLocaleIsUTF8OrUnset() {
        #expect(ChartStyle.unicode(environment: [:]))
        #expect(ChartStyle.unicode(environment: ["LANG": ""]))
        #expect(ChartStyle.unicode(environment: ["LANG": "en_US.UTF-8"]))
        #expect(ChartStyle.unicode(environment: ["LANG": "de_DE.utf8"]))
        #expect(ChartStyle.unicode(environment: ["LC_ALL": "C.UTF-8", "LANG": "C"]))
    }

    @Test func asciiWhenTheLocaleNamesAnotherEncodingOrIsPlainC() {
        #expect(!ChartStyle.unicode(environment: ["LANG": "en_US.ISO-8859-1"]))
        #expect(!ChartStyle.unicode(environment: ["LANG": "C"]))
        #expect(!ChartStyle.unicode(environment: ["LANG": "POSIX"]))
        #expect(!ChartStyle.unicode(environment: ["LC_CTYPE": "C", "LANG": "en_US.UTF-8"]))
    }

    @Test func aTinySizeIsWidenedToOneThatDraws() {
        let style = ChartStyle(width: 3, height: 1)
        #expect(style.width == 24 && style.height == 6)
    }
}
