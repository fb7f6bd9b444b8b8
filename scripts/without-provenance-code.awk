# report.json (as radiolink writes it) with the object provenance.code, which names the build and changes with
# every commit, replaced by the string "(left out)": what the golden files hold. The rule of
# cli/src/test/java/io/radiolink/cli/GoldenReport.java, checked against it by GoldenReportTest.
#   awk -f scripts/without-provenance-code.awk report.json
# Exits 3 unless exactly one such object was replaced.
skipping {
    if ($0 == "    }" || $0 == "    },") {
        skipping = 0
        print "    \"code\": \"(left out)\"" ($0 == "    }," ? "," : "")
        replaced++
    }
    next
}
$0 == "  \"provenance\": {" { inProvenance = 1 }
inProvenance && /^  }/ { inProvenance = 0 }
inProvenance && $0 == "    \"code\": {" { skipping = 1; next }
{ print }
END { if (replaced != 1) exit 3 }
