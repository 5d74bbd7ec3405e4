# fish completion for slash.
# A thin client of the hidden `slash __complete WORD... CURRENT` (cobra's protocol): slash
# knows its commands, flags and handles and prints "value<TAB>description" lines, then
# ":DIRECTIVE" (bit 1 error, 2 no space after the word, 4 no file names).
# Install as .../fish/vendor_completions.d/slash.fish, or: slash completion fish | source

function __slash_complete
    # Tokens before the cursor (unquoted), then the one being completed, even when empty.
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set cur "$cur"
    set -l args (string replace -r '^~/' "$HOME/" -- $words[2..-1])
    set -l flag ''
    if string match -qr -- '^--[^=]+=' $cur
        # --flag=value: ask for the flag's values as if a space separated them; fish
        # matches the candidates against the whole token, so give "--flag=" back.
        set flag (string replace -r -- '=.*' '=' $cur)
        set cur (string replace -r -- '^[^=]*=' '' $cur)
        set -a args (string replace -- '=' '' $flag)
    end

    command -q $words[1]; or return
    set -l out ($words[1] __complete $args "$cur" 2>/dev/null </dev/null); or return
    set -l directive (string replace -r -- '^:' '' $out[-1])
    string match -qr -- '^[0-9]+$' "$directive"; or return
    test (math "$directive % 2") -eq 0; or return
    set -e out[-1]

    # fish shows "value<TAB>description" lines as they are.
    for line in $out
        test -n "$line"; and printf '%s\n' "$flag$line"
    end
    if test (count $out) -eq 0; and test (math "floor($directive / 4) % 2") -eq 0
        __fish_complete_path "$cur" | string replace -r -- '^' "$flag"
    end
end

complete -c slash -e
complete -c slash -f -a '(__slash_complete)'
