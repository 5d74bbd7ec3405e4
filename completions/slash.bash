# bash completion for slash.
# A thin client of the hidden `slash __complete WORD... CURRENT` (cobra's protocol): slash
# knows its commands, flags and handles and prints "value<TAB>description" lines, then
# ":DIRECTIVE" (bit 1 error, 2 no space after the word, 4 no file names).
# Install as .../bash-completion/completions/slash, or: source <(slash completion bash)

# A typed word without its quoting: 'x', "x" and \x, and a leading ~/ as $HOME/. Done by
# hand rather than with eval, so that nothing the user typed is ever executed.
__slash_unquote() {
    local word=$1 out= ch quote= i
    for ((i = 0; i < ${#word}; i++)); do
        ch=${word:i:1}
        if [[ $quote == "'" ]]; then
            if [[ $ch == "'" ]]; then quote=; else out+=$ch; fi
        elif [[ $quote == '"' ]]; then
            if [[ $ch == '"' ]]; then
                quote=
            elif [[ $ch == '\' ]] && ((i + 1 < ${#word})); then
                ((i++))
                out+=${word:i:1}
            else
                out+=$ch
            fi
        elif [[ $ch == "'" || $ch == '"' ]]; then
            quote=$ch
        elif [[ $ch == '\' ]]; then
            ((i++))
            out+=${word:i:1}
        else
            out+=$ch
        fi
    done
    [[ $out == "~/"* ]] && out=$HOME/${out#"~/"}
    printf '%s' "$out"
}

_slash() {
    local -a words=()
    local i w rest line cur cword
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # bash-completion glues back "--db=x" and "a:b", which bash splits at COMP_WORDBREAKS.
        _get_comp_words_by_ref -n =: cur words cword
        words=("${words[@]:0:cword}" "$cur")
    else
        # The same by hand: a piece not preceded by a blank belongs to the previous word.
        line=${COMP_LINE:0:COMP_POINT}
        for ((i = 0; i <= COMP_CWORD; i++)); do
            w=${COMP_WORDS[i]}
            rest=${line#"${line%%[![:blank:]]*}"}
            ((i == COMP_CWORD)) && w=${w:0:${#rest}}
            if ((i == 0)) || [[ $rest != "$line" ]]; then words+=("$w"); else words[-1]+=$w; fi
            line=${rest:${#w}}
        done
    fi

    # Unquote the words as the shell would ("~/my db", 'x', a\&b), but never run anything.
    for i in "${!words[@]}"; do
        words[i]=$(__slash_unquote "${words[i]}")
    done

    local flag=
    cur=${words[-1]}
    if [[ $cur == --*=* ]]; then
        # --flag=value: ask for the flag's values as if a space separated them.
        flag=${cur%%=*}= cur=${cur#*=}
        words[-1]=${flag%=}
        words+=("$cur")
    fi

    local out directive
    command -v "${words[0]}" >/dev/null || return 0
    out=$("${words[0]}" __complete "${words[@]:1}" 2>/dev/null </dev/null) || return 0
    directive=${out##*:}
    [[ $directive =~ ^[0-9]+$ ]] && ((!(directive & 1))) || return 0

    COMPREPLY=()
    while IFS= read -r line; do
        # bash cannot show descriptions: keep the value only. slash already filtered them.
        [[ -n $line ]] && COMPREPLY+=("${line%%$'\t'*}")
    done <<<"${out%:*}"

    if ((${#COMPREPLY[@]} == 0 && !(directive & 4))); then
        compopt -o filenames 2>/dev/null
        while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
    fi
    ((directive & 2)) && compopt -o nospace 2>/dev/null

    # bash replaces only what follows the last COMP_WORDBREAKS character of the word: put
    # back "--flag=" when '=' does not break words, take off "a:" when ':' does.
    if [[ -n $flag && $COMP_WORDBREAKS != *=* ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/"$flag"}")
        cur=$flag$cur
    fi
    if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
        COMPREPLY=("${COMPREPLY[@]#"${cur%"${cur##*:}"}"}")
    fi
    return 0
}

complete -F _slash slash
