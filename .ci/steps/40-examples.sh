#!/usr/bin/env bash
# Builds the two embedding examples (each a separate package depending on the
# SDK by path) and runs each once on a scripted conversation, checking that
# the answer a user would see is there.
set -euo pipefail
cd "$(dirname "$0")/../.."

expect_line() {
    # expect_line NAME OUTPUT PATTERN: fails unless OUTPUT has a line matching PATTERN (fixed string).
    if ! grep -qF -- "$3" <<<"$2"; then
        printf '%s: expected a line containing %q; output was:\n%s\n' "$1" "$3" "$2" >&2
        exit 1
    fi
}

swift build --package-path Examples/ChatBot
chatbot=$(printf '1\n4\nretour\nau secours quelqu un me frappe en ce moment\non m a vole mon velo devant la gare\n' \
    | swift run --skip-build --package-path Examples/ChatBot)
expect_line ChatBot "$chatbot" "bot: Que s'est-il passé ?"
expect_line ChatBot "$chatbot" "bot: URGENCE : "
expect_line ChatBot "$chatbot" "bot: - Appeler : Police secours (17)"
expect_line ChatBot "$chatbot" "bot: - teleservice:plainte-en-ligne"

swift build --package-path Examples/PartnerIntegration
partner=$(printf '33000;on m a demande un depot de garantie pour une fausse location\n69003;quelqu un essaie d entrer chez moi en ce moment\n' \
    | swift run --skip-build --package-path Examples/PartnerIntegration)
expect_line PartnerIntegration "$partner" "  Nearest station: "
expect_line PartnerIntegration "$partner" "  URGENT: "
expect_line PartnerIntegration "$partner" "analytics: 2 searches, 1 emergencies"
echo "examples OK"
