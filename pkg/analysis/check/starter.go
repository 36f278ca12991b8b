package check

// StarterConfig is the commented configuration `zhpolicy check --init`
// writes. It parses to the built-in defaults, except for the example terms.
const StarterConfig = `# zhpolicy check configuration
# Found by zhpolicy check in the current directory or the nearest parent;
# give another file with --config. Unknown keys are errors.
version: 1

# Script the documents are expected to be in: simplified, traditional, or
# auto (each document's majority script).
script: auto

# Exit with status 1 when there is a finding at or above this severity:
# error, warning, info, or none. The --fail-on flag wins over it.
fail-on: error

# Files taken when walking directories, relative to this file. Patterns:
# * ? [a-z] within a name, ** for any number of directories; a pattern
# without a slash matches a name at any depth; a trailing slash, a directory.
# include: ["**/*.md", "**/*.txt"]
exclude: ["node_modules/", "vendor/"]

# Each rule: a severity (error, warning, info, off) or a mapping with
# severity and the rule's options.
rules:
  encoding:
    severity: error
    allow: [utf-8]        # accepted encodings: utf-8, gb18030, big5, utf-16le, utf-16be
    bom: allow            # UTF-8 byte-order mark: allow, forbid or require
  pinyin-annotation: error  # 會(huì) left by converter web pages; --fix removes them
  script-mix:
    severity: warning
    fix: false            # true: --fix converts stray characters to the expected script
    variant: standard     # Traditional form used for conversions: standard, tw or hk
  width:
    severity: warning
    punctuation: true     # , ; : ? ! . ( ) between Chinese characters → ，；：？！。（）
    letters-digits: true  # full-width ＡＢＣ１２３ → ABC123
  brackets:
    severity: error
    pairs: ["“”", "《》", "（）", "【】", "「」", "『』", "〈〉"]
  term: error             # the term lists below
  duplicate:
    severity: warning
    similarity: 0.9       # Jaccard similarity of 5-character shingles
    min-chars: 50         # shorter documents are not compared
  empty: warning
  size:
    severity: warning
    max: 1MiB
  invisible: warning      # zero-width spaces, bidi marks, soft hyphens; --fix removes them

# Terms, matched in Simplified and Traditional alike.
terms:
  forbidden:
    # - term: 十三五规划
    #   suggest: 十四五规划
    #   message: the plan period has changed
  outdated:
    # - old: 三个代表重要思想的提法
    #   new: 三个代表重要思想
  required:
    # - term: 高质量发展

# Settings for some paths; later entries win.
overrides:
  - files: ["drafts/"]
    rules:
      term: warning
  # - files: ["tw/**"]
  #   script: traditional
  #   rules:
  #     script-mix: {severity: error, fix: true, variant: tw}
`
