"""Passwords, passphrases and tokens written into a message (policy 2 and 5.4: keep passwords safe).

Two ways in:

* Tokens with a recognisable shape, wherever they appear: Slack (xoxb-, xoxp-, xapp-, webhook URLs),
  AWS access keys, GitHub, Google, Stripe and OpenAI keys, JSON web tokens, private key blocks.
* A value given for a password-like word: "password is hunter2", "pw: Xy7!kq", "the wifi password for
  the studio is Tr0ub4dor&3", "PIN 4821", "the login is bob / P@ssw0rd1" (only the password after
  the username is the secret), "pass: drumroll77", "pw sunflower", "Zoom host key is 381204",
  "signing secret: 8f14...", "combination 7351", "Wi-Fi: TMWGuest / Bassline2026" (labels are word
  lists: secret_labels.txt, code_labels.txt);
* a setting named for a secret: "SLACK_SIGNING_SECRET=8f14...", "TMW_BOT_TOKEN: ...";
* a code written digit by digit: "Gate code: 5 8 2 1";
* a bare "code 4417" in a sentence about a door, gate or key safe (code_places.txt), never a
  postcode, dress code or discount code (not_code_words.txt); "Code for the front door has changed to
  5190 from Monday";
* a door, gate, keypad or key safe given a number straight out, however written: "door's 1379",
  "keypad on the back gate - 1 9 4 7", "Lockbox for the van keys: 3-6-9-2";
* a code keyed in, in a sentence about a door or an alarm: "just punch in 3310", "disarm with 1 2 3 9";
* a code in groups of digits ("dial-in PIN: 442 918 #"); a padlock's three-digit combination
  (short_code_labels.txt);
* a login or password changed, then the new one ("login changed, it's now Fender-Strat-88");
* a secret carried in a web address's query ("...?key=a9Z2kQ7mP4xV", url_secret_params.txt);
* door, key-safe, alarm and padlock codes however they are separated or spelt: "code 3-9-1-7 then push
  the lever", "keypad now - 2580#", "Padlock: 4 / 1 / 8", "the alarm is seven four zero two";
* a list of one-off codes after its label (code_list_labels.txt): "backup codes for the insta 2fa:
  4829 1736, 9921 0456", every code of the list;
* a long random run of letters and digits next to "key", "token" or "secret", or after a service's
  name (key_services.txt): "the Mailchimp key for the list is 5f2c9e1a77b0...-us21", "dropbox app key
  k3q9z8w1x7v2m4n and the secret p0o9...";
* a key-shaped value (a long run of hex digits, or of base64 with both cases) a few words from a secret's
  name, however the two are joined (round 21): "signing secret, it's 8e2b4c6d...", "Signing secret? it's
  ...", "Here it is: 8e2b... (signing secret)"; never one labelled as something else right before it
  ("commit 4f9c2e81...", "checksum: ...": not_secret_value_labels.txt);
* a Wi-Fi password on a poster or a caption, after the network's name if there is one: "Wifi for your
  backing tracks 👉 BeatItRocks!2", "WiFi: GuildhallGuest — Riff&Roll77";
* a code keyed in with the key pressed after it (keypad_keys.txt), however its digits are separated:
  "side door is 1-9-7-3 then #", "code 4 4 0 9 enter", "2.8.1.6 and then the tick key";
* in a sentence about Wi-Fi, the password given a few words after its label, or typed in when asked
  for: "the code is on a sticker by the urn: hallelujah2024", "the password on the router says
  cricket4life", "type soundcheck55 when it asks for the password". The network's name is never the
  secret: "guest Wi-Fi is TMW_Guest, password bluebird1" flags only "bluebird1".

* a meeting's host key, six digits in figures or words, after "claim host", "host key" or "claim code"
  however joined (host_key_cues.txt): "claim host - it's 447102", "claim host? Key is 830215";
* a shared account's address, then its password said with "it's": "login for the Canva is
  design@example.org and it's Sharpie!Quaver9" (a plain word only where it ends the clause);
* a code given straight out and said to be the same as another lock's: "Storeroom: 3318 (same as the bike
  shed)", "Same code as the side door - 2468"; never "£15 a term, same as last year"
  (not_same_code_words.txt);
* codes said in words are read by the checker's one reading of spoken digits (spoken_digits.py), so
  "two double five nine", "treble eight two", "7 two 9 one" and "nineteen eighty-four" are codes too.

Talk about passwords is not a password: "password protected",
  "change your password regularly", "the password is in the drawer", "password: ********".

The finding covers the secret itself, and the message never repeats it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.document import EMAIL, Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.spoken_digits import SpokenDigits
from bot.checks.wordlists import entries, phrase_pattern

# Token shapes are ASCII, so their edges are ASCII too: "²xoxb-..." is still a token.
_TOKENS = lazy_compile(
    r"(?<![A-Za-z0-9_])xox[abposr]-[A-Za-z0-9-]{10,}"
    r"|(?<![A-Za-z0-9_])xapp-[0-9]-[A-Za-z0-9-]{10,}"
    r"|https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9/_-]{10,}"
    r"|(?<![A-Za-z0-9_])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}"
    r"|(?<![A-Za-z0-9_])AIza[0-9A-Za-z_-]{35}"
    r"|(?<![A-Za-z0-9_])[rs]k_(?:live|test)_[0-9A-Za-z]{16,}"
    r"|(?<![A-Za-z0-9_])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"
    r"|(?<![A-Za-z0-9_])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    r"|-----BEGIN[A-Z ]{0,20} PRIVATE KEY-----[\s\S]*?(?:-----END[A-Z ]{0,20} PRIVATE KEY-----|\Z)"
    # SendGrid keys and Mailchimp keys (32 hex digits and the data centre).
    r"|(?<![A-Za-z0-9_])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
    r"|(?<![A-Za-z0-9_])[0-9a-f]{32}-us\d{1,2}(?![A-Za-z0-9])"
)
_AWS_SECRET = lazy_compile(r"(?i:aws_?secret_?access_?key|secret_?access_?key)[\"']?\s*[:=]\s*[\"']?(?P<value>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])")

_PASSWORD_WORDS = (
    r"passwords?|passwd|pass[ \t]?word|pass[ \t]?code|pass[ \t]?phrase|pwd|pw|p/w|"
    r"wi-?fi[ \t]+(?:password|key|code)|network[ \t]+key|"
    r"api[ \t_-]?key|access[ \t_-]?key|secret[ \t_-]?key|client[ \t_-]?secret|api[ \t_-]?secret|"
    r"(?:auth|access|api|bot|slack|bearer)[ \t_-]?token|token"
)
_CODE_WORDS = r"pin(?:[ \t]+(?:number|code|no\.?))?|(?:door|alarm|key[ \t]?safe|lockbox|gate|entry|safe)[ \t]+code"
_LOGIN_WORDS = r"log-?in(?:[ \t]+details)?|log[ \t]+in[ \t]+details|credentials|sign-?in(?:[ \t]+details)?"
_SEPARATOR = (
    # "password's been changed to ...", "code has changed to ...", "code changes to ... on Monday":
    # the long forms first, or "'s" alone would take "been" for the password.
    r"[ \t]*(?:(?:['\u2019]s|has|have)[ \t]+(?:just[ \t]+)?(?:been[ \t]+)?(?:changed|updated|reset|set)[ \t]+to\b"
    r"|(?:changes|is[ \t]+changing|will[ \t]+change|will[ \t]+be[ \t]+changing)[ \t]+to\b|will[ \t]+be\b"
    # "admin password it's Bassline42!": the value said with "it's" after the label.
    # A whole word: the "is" of "this" or "his" is no separator ("the password in this channel").
    r"|['\u2019]s\b|(?<![A-Za-z])(?:it['\u2019]s|it[ \t]+is|is|are|was|were)\b(?:[ \t]+(?:now|still))?"
    # "reset to" and not "reset tomorrow".
    r"|(?:has[ \t]+been[ \t]+)?(?:changed|updated|reset|set)[ \t]+to\b"
    # A dash with a space beside it: "sign-up" inside a qualifier is a word, not a separator.
    r"|now\b|:|=|-(?=[ \t])|(?<=[ \t])-|\u2013|\u2014"
    # An arrow pointing at the value: "passcode for the minibus keysafe → 3391", "pw -> Xy7!kq".
    r"|\u2192|->|=>)"
)
# "the password for the Facebook account is ...": a qualifier is only allowed when a separator
# follows it, or "PIN for the door is in the office, room 12B" would make "12B" a PIN.
# Where the code opens, or when it holds: "door code for the hall is", "door code from Monday is", "gate code
# until half term is", "alarm code this week is".
_QUALIFIER = (rf"(?:[ \t]+(?:(?:for|to|of|on|at|in|by|near|round|around|outside|inside|behind|beside|under"
              # Not past the end of a sentence (round 27): "we don't share passwords by email. The Wi-Fi for
              # visitors is TMW-Guest" gives no password; "St." and "Rd." are no sentence's end. The four
              # kinds of character are disjoint, so a run of dots cannot be read two ways (no backtracking).
              rf"|from|until|till|til|after|since|starting|as[ \t]+of)[ \t]+(?:[^\n:=.!?]|[!?](?![ \t])|\.(?![ \t])|(?<![a-z]{{3}})\.(?=[ \t])){{1,40}}?"
              rf"|(?:this|next)[ \t]+(?:week|term|month)|today|tonight|tomorrow)(?={_SEPARATOR}))?")
_VALUE = r"[\"'\u201c\u2018`]?(?P<value>[^\s\"'\u201d\u2019`]{1,200})"

# A code as people write it: "4417#", "1 9 4 7", "3-9-1-7", "4 / 1 / 8", "6*2*8*1", or said in words,
# "seven four zero two", "one-nine-eight-four", "two double five nine", "7 two 9 one" (the checker's one
# reading of spoken digits, bot/checks/spoken_digits.py; three digits are only a code for a padlock or a
# combination, and the digits a spoken code stands for are counted where it is found).
_CODE_FIGURES = (
    # A full stop after the code may end the sentence ("side door, code 2614."); one before a digit is a
    # decimal or a date.
    r"[#*]?\d{4,8}#?(?![\d/:]|\.\d)|\d(?:[ \t]\d){3,7}(?![ \t]?\d)"
    r"|\d(?:[ \t]*[-/*\u2013][ \t]*\d){2,7}(?:[ \t]*[-\u2013]?[ \t]*#)?(?![ \t]*[-/*\u2013]?[ \t]*\d)"
)


def _code_digits(spoken_run: str) -> str:
    # "star, seven, seven, one, four": the key pressed first is part of the code (round 14).
    return rf"{_CODE_FIGURES}|(?:(?:star|hash)[ \t,-]+)?{spoken_run}"


# "pass: drumroll77": "pass" only with a colon or equals sign ("bus pass", "pass the ball").
_PASS_COLON = lazy_compile(rf"\bpass[ \t]*[:=][ \t]*{_VALUE}", re.IGNORECASE)
# "code 4417" is a door code when the sentence is about a door, a gate, a key safe (code_places.txt),
# and not a postcode, a dress code or a discount code (not_code_words.txt).
_CODE_CHANGED = r"(?:has[ \t]+(?:just[ \t]+)?(?:been[ \t]+)?changed[ \t]+to|changes[ \t]+to|is[ \t]+changing[ \t]+to|will[ \t]+be|is[ \t]+now)"


def _bare_code(code_digits: str):
    # "Code for the shed's five-five-two-one": the place between, then "'s".
    return lazy_compile(
        rf"\bcode(?:['\u2019]s)?\b(?:[ \t]+(?:for|to|of|on)[ \t]+[^\n:=.]{{1,40}}?[ \t]*(?:{_CODE_CHANGED}|is|was|:|=|['\u2019]s\b)"
        rf"|[ \t]*(?:{_CODE_CHANGED}|is|was|now|:|=|-|\u2013)?)[ \t]*(?P<value>{code_digits}|\d{{3}}#?(?![\d/.:]))", re.IGNORECASE)


# "WiFi network TMW-Studio, key harmony42": a key or pass for a network named just before.
_NETWORK_KEY = lazy_compile(
    rf"\b(?:wi-?fi|network|router|hotspot|ssid)\b[^.\n]{{0,40}}?\b(?:key|pass)\b[ \t]*(?P<sep>is\b|:|=|-)?[ \t]*{_VALUE}",
    re.IGNORECASE,
)
# "Dropbox: admin@example.org / Synth!Wave88": an account's address, then its password.
_ADDRESS_THEN_PASSWORD = lazy_compile(rf"{EMAIL.pattern}[ \t]*(?:/|\|)[ \t]*{_VALUE}")


# "The login for the Canva is design@example.org and it's Sharpie!Quaver9": an account's address, then its
# password said with "it's" (or "the password's"), in a sentence about an account (checked where found).
_ADDRESS_THEN_ITS = lazy_compile(
    rf"{EMAIL.pattern}[ \t]*(?:[,;]|[-\u2013\u2014](?=[ \t]))?[ \t]*(?:(?:and|then|&)[ \t]*,?[ \t]*)?"
    r"(?:it['\u2019]s|it[ \t]+is|the[ \t]+(?:password|pw|pass)(?:['\u2019]s|[ \t]+is)|password[ \t]*:?|pw[ \t]*:?)[ \t]+(?:now[ \t]+)?"
    + _VALUE, re.IGNORECASE)
_ACCOUNT_WORDS = lazy_compile(rf"\b(?:{_LOGIN_WORDS}|log[ \t]+in|sign[ \t]+in|signed[ \t]+in|account)\b", re.IGNORECASE)
# "Music cupboard is 7720, same as the bike shed", "it's 5521 - same as the bike shed", "The van's lockbox is
# the same as the bike shed: 1 9 8 4", "Same code as the side door - 2468": a number given straight out
# (after "is", "'s", ":", "=" or a dash) and said to be the same as another place's. Where it is, the
# sentence must be about a place with a code (code_places.txt) or say "same code as".
_SAME_AS = r"(?:the[ \t]+)?same(?:[ \t]+(?P<what>code|combo|combination|pin|number|one))?[ \t]+as[ \t]+(?:the[ \t]+|our[ \t]+|for[ \t]+the[ \t]+)?(?P<other>[\w'\u2019]+)(?:[ \t]+[\w'\u2019]+){0,3}?"
_GIVEN_OUT = r"(?:\b(?:is|it['\u2019]s|use|code|combo)|['\u2019]s|[:=\u2013\u2014]|(?<=[ \t])-)[ \t]+"
_CLAUSE_ENDS_AFTER = lazy_compile(r"[ \t]*(?:$|[\n.,;:!?)\u2013\u2014]|-[ \t])")


# "Front door: 4417#": a door (or gate, key safe ...) given a number straight out.
def _place_number(code_digits: str):
    return lazy_compile(
        # "Bike shed lock is three, one, four, one": a lock of any kind, named with what it locks.
        r"\b(?:door|gate|key[ \t]?safe|key[ \t]?box|lock[ \t]?box|padlock|alarm|key[ \t]?pad|alarm[ \t]+panel|(?:bike|shed|cage|combination|combo|trolley|locker)[ \t]+lock)"
        # "lockbox at St Luke's hall is 7150", "the key box by the fire exit is 2290"
        r"(?:[ \t]+(?:at|in|on|by|for|outside|behind|beside|near|round|around|under|inside|next[ \t]+to)[ \t]+[^\n:=.,;!?]{1,40}?)?"
        # "door's 1379", "keypad on the back gate - 1 9 4 7", "Lockbox for the van keys: 3-6-9-2"
        # "keypad now - 2580#": the code just changed.
        r"(?:[ \t]+(?:is[ \t]+)?now\b)?"
        # "has a combo lock, it's 1-9-7-3": the code said in the clause after the lock.
        r"(?:[ \t]*(?::|=|is\b|(?:has[ \t]+)?changed[ \t]+to\b|,[ \t]*it(?:['\u2019]s|[ \t]+is)\b)|['\u2019]s\b|(?P<dash>[ \t]+[-\u2013\u2014])|(?<=now))[ \t]*"
        rf"(?P<value>{code_digits})",
        re.IGNORECASE,
    )


# "just punch in 3310 and push", "Alarm: disarm with 1 2 3 9": a code keyed in, in a sentence about a
# door, a gate, a key safe or an alarm (code_places.txt).
def _keyed_in(code_digits: str):
    return lazy_compile(
        # "dial" only for a code: a number that goes on ("dial 0800 123 4567") or starts with 0 is a phone's.
        r"\b(?:(?:punch|key|tap|type|put)(?:[ \t]+it)?[ \t]+in|tap|type|enter|press|dial(?![ \t]+0)|(?:disarm|unset|set|open)(?:[ \t]+it)?[ \t]+(?:with|using))"
        rf"[ \t]+(?:the[ \t]+code[ \t]+)?(?P<value>{code_digits})(?![ \t]+\d)",
        re.IGNORECASE,
    )


# "changed the X password to Gl0ucester_Grooves", "reset the PIN for the safe to 4410".
_CHANGED_TO = lazy_compile(
    r"\b(?:changed|changing|change|updated|reset|set|switched)[ \t]+(?:(?:the|our|my|its|their)[ \t]+)?"
    r"(?:[\w-]+[ \t]+){0,2}?(?P<word>password|passcode|pass[ \t]?word|pin|pw|code|combination|combo)"
    rf"(?:[ \t]+(?:for|on|of)[ \t]+[^\n:=.]{{1,30}}?)?[ \t]+to[ \t]+{_VALUE}",
    re.IGNORECASE,
)
# "Wi-Fi: TMWGuest / Bassline2026": a network's name, then its password.
_NETWORK_THEN_PASSWORD = lazy_compile(
    rf"\b(?:wi-?fi|network|router|ssid)\b[ \t]*(?:name)?[ \t]*[:=\-]?[ \t]*[^\s/|]{{1,40}}[ \t]*(?:/|\|)[ \t]*{_VALUE}",
    re.IGNORECASE,
)
# "user sam.hall / pass Treble#2024", "username: bob, password Xy7!kq": a user name, then its password
# (only the password is secret).
_USER_THEN_PASSWORD = lazy_compile(
    # "user tmw_admin pass Harmon1ca": the two may be joined by nothing but a space.
    r"\b(?:user(?:[ \t]?name)?|login|u)\b(?:[ \t]*[:=][ \t]*|[ \t]+)[^\s/|,;]{1,60}(?:[ \t]*(?:/|\||,|;|\band\b)[ \t]*|[ \t]+)"
    rf"(?:pass(?:[ \t]?word)?|pwd|pw|p/w)[ \t]*[:=]?[ \t]*{_VALUE}",
    re.IGNORECASE,
)
# "For the YouTube account use music.works.media + Quaver-Rest-19", "log in with tmw.youthmusic and
# Sharp-Key-42" (round 12): an account's handle (with a dot or an underscore in it), then a password joined
# to it by "+", "/", "&" or "and". Only the password is secret, and only one shaped like a password.
_ACCOUNT_THEN_PASSWORD = lazy_compile(
    r"\b(?:use|using|(?:log|sign)[ \t]?(?:in|on)[ \t]+(?:with|as|using)|(?:logged|signed)[ \t]+in[ \t]+as)[ \t]+"
    r"(?P<user>@?[A-Za-z0-9][\w.-]{0,40}[._][\w.-]{0,40}[A-Za-z0-9]|@[\w]{2,40})[ \t]*(?:\+|/|&|\band\b)[ \t]*"
    + _VALUE,
    re.IGNORECASE,
)
# Round 14: an account's name, then its password, said in a sentence: "It's musicworks.design and
# Harmony_2025 for the Canva", "Instagram: @tmw_youth / SoundWave#22", "try tmw.admin + Quaver!9 on the
# laptop". The account is a handle (an @, a dot or an underscore in it); the password must be shaped like
# one, and the pair must be said to be an account's: after "it's", "use", a service's or an account's
# label and a colon, or followed by "for" or "on" and what it opens.
_PAIR_JOIN = r"[ \t]*(?:\+|/|\||&|,|\band\b)[ \t]*"
_HANDLE = r"(?P<user>@[\w]{2,40}|[A-Za-z0-9][\w.-]{0,40}[._][\w.-]{0,40}[A-Za-z0-9])"
_PAIR_SAID = lazy_compile(
    r"(?:\b(?:it['\u2019]s|it[ \t]+is|they['\u2019]re|try|use|using)[ \t]+|(?:^|[\n.;!?(])[ \t]*[\w .'\u2019-]{2,40}:[ \t]*)"
    + _HANDLE + _PAIR_JOIN + _VALUE,
    re.IGNORECASE,
)
_PAIR_FOR = lazy_compile(r"[ \t]+(?:for|on|to[ \t]+get[ \t]+into|to[ \t]+log[ \t]+in[ \t]+to)[ \t]+(?:the[ \t]+|our[ \t]+)?\w", re.IGNORECASE)
# Round 14: a password described, then given: "the laptop password is the cat's name and the year - so
# Biscuit2024", "Studio mac: our old band name plus an exclamation mark, i.e. Tidewater!". A password word, or
# a device or an account with the recipe of a password (password_recipe_words.txt), then "so", "i.e.",
# "which makes it" and a value shaped like a password.
_SO_THE_VALUE = lazy_compile(
    r"(?:[ \t,(\u2013\u2014-]+(?:so|i\.?e\.?|ie|which[ \t]+(?:makes|gives)(?:[ \t]+(?:it|you))?|making[ \t]+it|giving|that['\u2019]?s|aka)"
    r"|[ \t]*(?:\u2192|->|=>))[,:]?[ \t]+" + _VALUE,
    re.IGNORECASE,
)
_DESCRIBED_LABEL = lazy_compile(rf"\b(?:{_PASSWORD_WORDS}|{_LOGIN_WORDS}|pin|passcode)\b", re.IGNORECASE)
# A file or a web address is not a password: "use tmw_logo.png and Banner_2.jpg".
_FILE_OR_SITE = lazy_compile(
    r"\.(?:png|jpe?g|gif|heic|pdf|docx?|xlsx?|pptx?|csv|txt|zip|mp[34]|wav|m4a|aiff?|mov|com|org|net|uk|io)$|^www\.",
    re.IGNORECASE)
# "the laptop pw is the usual one: Bassline!77": a few words between the label and a colon, then the
# value; only a value shaped like a password (digits or symbols with letters), as the words between
# may be anything ("Password policy: at least 12 characters").
_LABEL_THEN_COLON = lazy_compile(
    rf"\b(?:{_PASSWORD_WORDS})\b[^\n:=.?!]{{1,40}}?:[ \t]*{_VALUE}", re.IGNORECASE
)
# "Canva's still Gloucester_2025 until someone rotates it": a value kept until it is changed is a
# password, with no label at all.
_UNTIL_ROTATED = lazy_compile(
    r"(?:['\u2019]s|\b(?:is|it['\u2019]s))[ \t]+(?:still[ \t]+)?(?P<value>[^\s\"'`\u2018\u2019]{4,100})[ \t]+until[ \t]+"
    r"(?:someone|somebody|anyone|we|you|they|i|it['\u2019]?s|it[ \t]+(?:is|gets))[ \t]+(?:\w+[ \t]+)?"
    r"(?:rotates?|rotated|changes?|changed|resets?|updates?|updated)\b",
    re.IGNORECASE,
)
# "backup codes for the insta 2fa: 4829 1736, 9921 0456": each code of a list (code_list_labels.txt).
_LISTED_CODE = lazy_compile(
    r"(?<![\w-])(?P<value>\d{4,5}[ \t-]\d{4,5}|\d{6,10}|(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{3,6}(?:-[A-Za-z0-9]{3,6}){1,3})(?![\w-])"
)
# "the Mailchimp key for the list is 5f2c...", "app key k3q9z8w1x7v2m4n and the secret p0o9i8u7y6t5r4e": a
# long random value next to "key", "token" or "secret", with or without a separator.
_RANDOM_VALUE = r"[\"'\u201c\u2018`]?(?P<value>[A-Za-z0-9][A-Za-z0-9_\-.+/=]{11,300})"
_KEY_WORD_VALUE = lazy_compile(
    rf"\b(?:key|token|secret|api[ \t]?key|app[ \t]?key|app[ \t]?secret)s?\b{_QUALIFIER}(?:{_SEPARATOR})?[ \t]*{_RANDOM_VALUE}",
    re.IGNORECASE,
)
# Round 21: a key-shaped value near a secret's name, however they are joined. A run of hex digits (twenty
# or more, with digits and letters) or of base64 (twenty or more, upper and lower case and a digit, a "+",
# a "/" or "=" padding), standing on its own (not inside a web address or a longer word).
_KEY_SHAPED_RUN = lazy_compile(r"(?<![\w/+=.@:-])(?P<value>[A-Za-z0-9+/_-]{20,400}={0,2})(?![\w/+=@-])")
_HEX_RUN = lazy_compile(r"[0-9a-fA-F]+")
# How near the secret's name must be: before the value on its line, or just after it ("... (signing secret)").
_KEY_NAME_BEFORE = 80
_KEY_NAME_AFTER = 30


def _key_shaped(value: str) -> bool:
    """"8e2b4c6d0f1a3e5c7b9d2f4a6c8e0b1d", "QmFzc2xpbmVBbmRUcmVibGVLZXlz", "dGhp...Lw==": a machine's key, not a word."""
    has_digit = any(ch.isdigit() for ch in value)
    if _HEX_RUN.fullmatch(value):
        return has_digit and any(ch.isalpha() for ch in value)
    upper = sum(ch.isupper() for ch in value)
    lower = sum(ch.islower() for ch in value)
    return upper >= 3 and lower >= 3 and (has_digit or value.endswith("=") or "+" in value or "/" in value)


# A Wi-Fi password on a poster or a caption: "Wifi for your backing tracks \U0001F449 BeatItRocks!2",
# "WiFi: GuildhallGuest \u2014 Riff&Roll77" (the network's name, then its password), "wifi at the studio:
# Bassline_2027". Only a value shaped like a password: letters with digits or symbols.
_WIFI_CAPTION = lazy_compile(
    r"\bwi-?fi\b(?P<gap>[^\n.!?:\u2014\u2013\U0001F449\u27a1\u2192]{0,50}?)"
    r"[ \t]*(?::|\U0001F449|\u27a1\ufe0f?|\u2192|->|=>|\u2014|\u2013|(?<=[ \t])-(?=[ \t])|\bis\b)[ \t]*"
    r"[\"'\u201c\u2018`]?(?P<first>[^\s\"'\u201d\u2019`]{4,100})"
    r"(?:[ \t]*(?:/|\||\u2014|\u2013|-(?=[ \t])|,)[ \t]*(?:(?:pass(?:word)?|pw|key)[ \t]*:?[ \t]*)?[\"'\u201c\u2018`]?(?P<second>[^\s\"'\u201d\u2019`]{4,100}))?",
    re.IGNORECASE,
)
# "1-9-7-3 then #", "4 4 0 9 enter", "2.8.1.6 and then the tick key": four to eight digits, however they are
# separated, then the key pressed after them (keypad_keys.txt, filled in by the detector).
_KEYED_DIGITS = (
    r"(?<![\w.,:/+\-·])(?<!\d[ \t])(?P<value>\d(?:(?:[ \t]*[-./*_\u00b7\u2022\u2013][ \t]*|[ \t])\d){3,7}|\d{4,8})(?!\d)"
    r"[ \t]*,?[ \t]*(?:(?:and[ \t]+)?then|followed[ \t]+by|and|\+)?[ \t]*"
    r"(?:(?:press(?:ing)?|hit(?:ting)?|push|tap|key)[ \t]+)?(?:the[ \t]+)?"
)
# A plain word for a key ("enter", "ok", "clear") only ends a clause or names a key: not "then the drums enter the room".
_KEY_WORD_END = lazy_compile(r"[ \t]*(?:$|[\n.,;:!?)\u2014\u2013]|-[ \t]|(?:key|button|twice|again)\b|(?:and|to)[ \t])", re.IGNORECASE)
# In a sentence about Wi-Fi: "the code is on a sticker by the urn: hallelujah2024", "the password on the
# back of the router says cricket4life", "the password they gave us is organloft77". Only a value shaped
# like a password, as the words between may be anything.
_WIFI_SENTENCE = lazy_compile(r"\b(?:wi-?fi|network|router|hotspot|ssid|broadband|join|connect(?:ed|ing)?[ \t]+to)\b", re.IGNORECASE)
_WIFI_LABEL_LATER = lazy_compile(
    r"\b(?:password|passcode|pass[ \t]?word|pw|code|key)(?:['\u2019]s)?\b[^\n:=.?!]{0,50}?"
    r"(?:[ \t](?:is|was|says|said|reads|read|'s)\b|:|=|[ \t]-|\u2013|\u2014|\u2192|->)[ \t]*"
    r"(?=[\"'\u201c\u2018`]?[^\s\"'\u201d\u2019`]*[\d!@#$%^&*_+?~])" + _VALUE,
    re.IGNORECASE,
)
# "connect to Studio2_Guest then type soundcheck55 when it asks for the password".
_WIFI_TYPED = lazy_compile(
    r"\b(?:type|enter|put|use|key)(?:[ \t]+in)?[ \t]+" + _VALUE
    + r"[ \t]+(?:when|as|for|if)\b[^\n.!?]{0,30}?\b(?:password|passcode|pass[ \t]?word|code|key)\b",
    re.IGNORECASE,
)
# "guest Wi-Fi is TMW_Guest, password ...", "the hall wifi is "VillageHall5G", key is ...": a name with a
# password label after it is the network's name.
_PASSWORD_LABEL_AFTER = lazy_compile(
    r"[\"'\u201d\u2019`]?[ \t]*(?:[,;/|(]|\band\b|\u2014|\u2013|-)[ \t]*(?:and[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    r"(?:password|passcode|pass[ \t]?word|pw|pass|key|code)\b",
    re.IGNORECASE,
)
_NETWORK_NAME_GAP = lazy_compile(r"\b(?:name|named|network|ssid|called)\b", re.IGNORECASE)
_NETWORK_LABEL_BEFORE = lazy_compile(r"\b(?:network|ssid|name|called|connect[ \t]+to|join)[ \t]*$", re.IGNORECASE)
_NETWORK_SPEC = lazy_compile(r"\d+(?:\.\d+)?(?:ghz|mhz|mbps|gbps|mb|gb|g)", re.IGNORECASE)


def _password_shaped(value: str) -> bool:
    """Letters with digits, or letters or digits with a symbol other than a hyphen: "BeatItRocks!2",
    "Bassline_2027"; not "GuildhallGuest", "TMW-Live" or "5GHz"."""
    if len(value) < 6 or _NETWORK_SPEC.fullmatch(value) or _MASKED.match(value) or "://" in value or "@" in value:
        return False
    has_digit = any(ch.isdigit() for ch in value)
    has_alpha = any(ch.isalpha() for ch in value)
    has_symbol = any(not ch.isalnum() and ch != "-" for ch in value)
    return has_alpha and (has_digit or has_symbol)


def _random_looking(value: str) -> bool:
    """A key or a token: twelve or more characters, at least three of them digits and three letters,
    with digits spread through it ("5f2c9e1a77b0...", "k3q9z8w1x7v2m4n"), not "Quarter-2026" or a date."""
    letters = sum(ch.isalpha() for ch in value)
    digits = sum(ch.isdigit() for ch in value)
    if len(value) < 12 or letters < 3 or digits < 3 or "://" in value or "@" in value:
        return False
    # Runs of letters between digits: a key changes between letters and digits often.
    switches = sum(1 for a, b in pairwise(value) if a.isdigit() != b.isdigit() and a.isalnum() and b.isalnum())
    return switches >= 4


# Short forms that are always followed by the password itself: "pw sunflower".
_ABBREVIATIONS = frozenset({"pw", "pwd", "p/w", "passwd"})
_LOGIN = lazy_compile(
    rf"\b(?:{_LOGIN_WORDS})\b{_QUALIFIER}(?:{_SEPARATOR})?[ \t]*(?P<user>[^\s/|,]{{1,100}})[ \t]*(?:/|\||,|&|\band\b)[ \t]*"
    rf"(?:(?:pw|password|pwd|pass)[ \t]*:?[ \t]*)?{_VALUE}",
    re.IGNORECASE,
)
# "TMW_SLACK_BOT_TOKEN=...", "SIGNING_SECRET: ...": a setting whose name says it holds a secret.
_SECRET_SETTING = lazy_compile(
    r"\b[A-Z][A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*[ \t]*[:=][ \t]*"
    r"[\"']?(?P<value>[^\s\"'`]{8,200})"
)
# "Gate code: 5 8 2 1": a code written digit by digit.
# "dial-in PIN: 442 918 #": a code in groups of digits, the hash key included.
_SPACED_DIGITS = r"(?P<value>\d(?:[ \t]\d){3,7}(?![ \t]?\d)|\d{2,4}(?:[ \t]\d{2,4}){1,3}(?:[ \t]?#)?(?![ \t]?\d))"
_USERNAME_SLASH_BEFORE = lazy_compile(r"(?:user(?:[ \t]?name)?|login|e-?mail)[ \t]*/[ \t]*$", re.IGNORECASE)

# Cheap first looks, so that the long patterns only run on texts that could match them.
_TOKEN_MARKERS = ("xox", "xapp-", "hooks.slack.com", "AKIA", "ASIA", "gh", "github_pat_", "AIza", "k_live_",
                  "k_test_", "sk-", "eyJ", "-----BEGIN", "SG.", "-us")
_WORD_MARKERS = ("pass", "pw", "p/w", "until", "pin", "code", "key", "token", "secret", "log", "credential", "sign", "combo",
                 "combination", "alarm", "lock", "door", "gate", "wi", "network", "router", "ssid", "pad",
                 "entr", "backup", "recovery", "2fa", "factor")

_TRAILING_PUNCTUATION = ".,;:)]}>"
# A value hidden or left to be filled in: "****", "<YOUR-PASSWORD-HERE>" (its closing bracket may already
# be trimmed as punctuation), "{wifi_key}", "YOUR_PASSWORD", "enter-code-here".
_MASKED = lazy_compile(
    r"^(?:[*\u2022\u25cfx#.]+(?:-[*\u2022\u25cfx#.]+)*|<[^>]*>?|\[[^\]]*\]?|\{[^}]*\}?|\.\.\."
    r"|(?:your|enter|insert|replace|put|add)[_-][\w-]*|[\w-]*[_-](?:here|goes[_-]here)|change[_-]?me|placeholder|redacted)$",
    re.IGNORECASE,
)
# Words that follow "password is" in talk about passwords rather than in a password.
_NOT_A_PASSWORD = frozenset(
    ["a", "an", "the", "in", "on", "at", "by", "for", "to", "of", "from", "with", "and", "or", "but", "not", "no", "yes", "it", "this", "that", "these", "those", "same", "different", "new", "old", "your", "my", "our", "their", "his", "her", "its", "his", "what", "which", "who", "where", "when", "how", "here", "there", "still", "now", "just", "also", "very", "too", "so", "required", "needed", "case", "sensitive", "correct", "incorrect", "wrong", "right", "weak", "strong", "long", "short", "safe", "secure", "secret", "private", "confidential", "personal", "protected", "expired", "changed", "saved", "stored", "written", "shared", "below", "above", "attached", "enclosed", "available", "missing", "blank", "empty", "unknown", "invalid", "valid", "reset", "change", "see", "ask", "check", "use", "coming", "sent", "pinned", "usual", "standard", "been", "being", "same", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "something", "anything", "nothing", "then", "everything", "please", "thanks", "thank", "ok", "okay", "fine", "good", "great", "lastpass", "bitwarden", "1password", "keeper", "dashlane", "manager", "vault", "whiteboard", "drawer", "office", "written"]
)
# "the padlock is 30mm", "alarm at 7pm": a size or a time, not a code.
_MEASURE = lazy_compile(r"\d+(?:\.\d+)?(?:mm|cm|m|km|kg|g|db|am|pm|p|mins?|hrs?|s|x|k)", re.IGNORECASE)
# "studio computer login changed, it's now Fender-Strat-88": a login or password changed, then the new one.
# "Oscar reset the youtube password, it's now Riff-Raff-42": the verb first, then the new value.
_RESET_NOW = lazy_compile(
    r"\b(?:changed|updated|reset|set)[ \t]+(?:the[ \t]+|our[ \t]+|my[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:password|passcode|pass[ \t]?word|pw|pin|login|log-?in|combination|combo|code)"
    r"[ \t]*[,;:\-\u2013\u2014]?[ \t]*(?:(?:it['\u2019]s|it[ \t]+is|which[ \t]+is|is)[ \t]+)?now[ \t]*:?[ \t]*" + _VALUE,
    re.IGNORECASE,
)
_CHANGED_NOW = lazy_compile(
    r"\b(?:password|passcode|pass[ \t]?word|pw|pin|login|log-?in|combination|combo|code)"
    r"[ \t]+(?:has[ \t]+been[ \t]+|was[ \t]+|is[ \t]+)?(?:changed|updated|reset)\b[ \t]*[,;:\-\u2013\u2014]?[ \t]*"
    r"(?:(?:it['\u2019]s|it[ \t]+is|which[ \t]+is|is)[ \t]+)?now[ \t]*:?[ \t]*" + _VALUE,
    re.IGNORECASE,
)
# "password reset after the phone was stolen, new one is Bassline77" (round 24): "the new one" given after a
# password's change said earlier in the text (looked for just before, where "new one" is found).
_NEW_ONE = lazy_compile(r"\bnew[ \t]+one(?:[ \t]+is|['\u2019]s|[ \t]*[:=\-\u2013\u2014])[ \t]*" + _VALUE, re.IGNORECASE)
_PASSWORD_CHANGED_BEFORE = lazy_compile(
    r"\b(?:password|passcode|pass[ \t]?word|pw|login|log-?in)\b(?=[^\n]*\b(?:changed|updated|reset)\b)"
    r"|\b(?:changed|updated|reset)\b(?=[^\n]*\b(?:password|passcode|pass[ \t]?word|pw|login|log-?in)\b)",
    re.IGNORECASE,
)
_NEW_ONE_LOOKBACK = 100
# After a possessive in a password's qualifier, the thing owned and then the value: "Sam's [account is] X".
_OWNED_THING_THEN_VALUE = lazy_compile(rf"[\w-]+(?:[ \t]+[\w-]+)?{_SEPARATOR}[ \t]*{_VALUE}", re.IGNORECASE)
# "Studio B keysafe has been changed - it's now 4 1 9 7": a coded lock changed, then its new code.
_LOCK_CHANGED_NOW = lazy_compile(
    r"\b(?:key[ \t-]?safe|keypad|padlock|combination[ \t]+lock|door[ \t]+lock|alarm|pin|code|combination|combo)"
    r"[ \t]+(?:has[ \t]+been[ \t]+|was[ \t]+|is[ \t]+)?(?:changed|updated|reset)\b[^\n.!?]{0,50}?"
    r"(?:it['\u2019]s|it[ \t]+is|which[ \t]+is)[ \t]+now[ \t]*:?[ \t]*(?P<value>" + _CODE_FIGURES + ")",
    re.IGNORECASE,
)
# A meeting's host key: six digits, in figures ("447102", "510 992", "1 9 3 3 7 2") or in words, after
# the words that use it (host_key_cues.txt). A meeting's ID or number is not its key.
_SIX_DIGITS = r"(?<![\w.:/\u00a3$#-])(?:\d{6}|\d{3}[ \t-]\d{3}|\d(?:[ \t]\d){5})(?![\w]|[ \t-]?\d|[.:,]\d)"
_HOST_WINDOW = lazy_compile(r"[^\n.!]{0,60}")
_MEETING_ID_BEFORE = lazy_compile(r"\b(?:id|number|no\.?|meeting|order|ref)[ \t]*(?:is|:|#)?[ \t]*$", re.IGNORECASE)
_CLOCK_TIME = lazy_compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_NOT_KEYED_AFTER = lazy_compile(r"[ \t]+(?:as|into|in[ \t]+the|on[ \t]+the[ \t]+form)\b", re.IGNORECASE)
# "the password hasn't changed", "it still isn’t set": a word of the sentence, never the password.
# The value may stop at the apostrophe ("hasn"), so the bare stem counts too.
_NEGATED_VERB = lazy_compile(r"(?:has|have|had|is|are|was|were|does|do|did|could|would|should|must|need|ca|wo)n(?:['\u2019]?t)?",
                           re.IGNORECASE)
_EVERYDAY_ENDINGS = ("ed", "ing", "ly", "able", "ible", "tion", "ment")


def _looks_like_secret(value: str, *, explicit: bool, digits_only_ok: bool, min_digits: int = 4) -> bool:
    if not value or _MASKED.match(value) or _NEGATED_VERB.fullmatch(value) or "://" in value or EMAIL.fullmatch(value) or _MEASURE.fullmatch(value):
        return False
    if value[0] in "[<({" and value[1:].rstrip("]>)}").isalpha():
        return False  # a placeholder such as "[secret removed]" or "<redacted>"
    # "What's the wifi password again?", "where is the API key kept?": a question's last word is no
    # password. A plain word before the question mark is judged as that word, and as a word that was not
    # given as a value: only one shaped like a password counts (round 21).
    asked = value.rstrip("?")
    if asked != value and asked.isalpha():
        value, explicit = asked, False
    has_digit = any(ch.isdigit() for ch in value)
    has_alpha = any(ch.isalpha() for ch in value)
    if digits_only_ok:
        return has_digit and len(value) >= min_digits
    if len(value) < 4:
        return False
    has_symbol = any(not ch.isalnum() for ch in value)
    mixed_case = any(ch.isupper() for ch in value[1:]) and any(ch.islower() for ch in value)
    if (has_digit and has_alpha) or (has_symbol and (has_alpha or has_digit)) or mixed_case:
        return True
    if not explicit:
        return False
    # "the password is sunshine": a single plain word after "is" or ":" is a password too, unless it
    # is a word of talk about passwords ("required", "changed", "in").
    lowered = value.lower()
    everyday_word = value.isalpha() and value.islower() and lowered.endswith(_EVERYDAY_ENDINGS)
    return lowered not in _NOT_A_PASSWORD and not everyday_word


def _strip_value(match: re.Match[str]) -> tuple[int, int]:
    start, end = match.span("value")
    while end > start and match.string[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return start, end


class SecretDetector:
    def __init__(self, context: CheckContext):
        secret_labels = phrase_pattern(entries("secret_labels", context.extra_terms))
        code_labels = phrase_pattern(entries("code_labels", context.extra_terms))
        self._code_labels = lazy_compile(rf"(?:{_CODE_WORDS}|{code_labels})$", re.IGNORECASE)
        self._assigned = lazy_compile(
            rf"\b(?P<word>{_PASSWORD_WORDS}|{secret_labels}|{_CODE_WORDS}|{code_labels})\b{_QUALIFIER}"
            rf"(?P<sep>{_SEPARATOR})?[ \t]*{_VALUE}",
            re.IGNORECASE,
        )
        self._spaced_code = lazy_compile(
            rf"\b(?:{_CODE_WORDS}|{code_labels})\b{_QUALIFIER}(?:{_SEPARATOR})?[ \t]*{_SPACED_DIGITS}", re.IGNORECASE
        )
        places = phrase_pattern(entries("code_places", context.extra_terms))
        self._code_place = lazy_compile(rf"\b(?:{places})\b", re.IGNORECASE)
        short_codes = phrase_pattern(entries("short_code_labels", context.extra_terms))
        self._short_code = lazy_compile(rf"(?:{short_codes})$", re.IGNORECASE)
        self._short_code_near = lazy_compile(rf"\b(?:{short_codes})\b", re.IGNORECASE)
        url_params = phrase_pattern(entries("url_secret_params", context.extra_terms))
        # "https://hooks.example.com/tmw?key=a9Z2kQ7mP4xV": a secret carried in a web address.
        self._url_secret = lazy_compile(
            rf"https?://[^\s?#]+\?(?:[^\s#]*?&)?(?i:{url_params})=(?P<value>[A-Za-z0-9_\-.~%]{{8,200}})"
        )
        code_lists = phrase_pattern(entries("code_list_labels", context.extra_terms))
        self._code_list = lazy_compile(rf"\b(?:{code_lists})\b", re.IGNORECASE)
        services = phrase_pattern(entries("key_services", context.extra_terms))
        self._service_value = lazy_compile(
            rf"\b(?:{services})\b(?:['\u2019]s)?[^\n:=]{{0,30}}?(?:{_SEPARATOR})[ \t]*{_RANDOM_VALUE}", re.IGNORECASE)
        keys = entries("keypad_keys", context.extra_terms)
        self._keyed_code = lazy_compile(_KEYED_DIGITS + rf"(?P<key>[#*\u2713\u2714]|(?:{phrase_pattern(keys)})(?!\w))", re.IGNORECASE)
        accounts = phrase_pattern([*entries("key_services", context.extra_terms), *entries("password_holders", context.extra_terms)])
        self._account_label = lazy_compile(rf"\b(?:{accounts})\b", re.IGNORECASE)
        self._recipe = lazy_compile(rf"\b(?:{phrase_pattern(entries('password_recipe_words', context.extra_terms))})\b", re.IGNORECASE)
        self._spoken = SpokenDigits(context.extra_terms)
        code_digits = _code_digits(self._spoken.run_pattern(figures=4, most=7))
        self._bare_code = _bare_code(code_digits)
        self._place_number = _place_number(code_digits)
        self._keyed_in = _keyed_in(code_digits)
        # "alarm code is oh four double one", "PIN for the card reader is nine-two-two-oh": a code said in
        # words after its label.
        self._spoken_code = lazy_compile(
            rf"\b(?:{_CODE_WORDS}|{code_labels}|{_PASSWORD_WORDS})\b{_QUALIFIER}(?:{_SEPARATOR})?[ \t]*"
            rf"(?P<value>{self._spoken.run_pattern(figures=4, most=7)})", re.IGNORECASE)
        host_cues = phrase_pattern(entries("host_key_cues", context.extra_terms))
        self._host_cue = lazy_compile(rf"\b(?:{host_cues})\b", re.IGNORECASE)
        self._host_value = lazy_compile(rf"{_SIX_DIGITS}|{self._spoken.run_pattern(figures=3, most=7)}", re.IGNORECASE)
        same_value = rf"(?P<value>{code_digits}|\d{{3}}(?![\w/.:]))"
        self._value_then_same = lazy_compile(
            rf"{_GIVEN_OUT}[\"'\u201c\u2018`]?{same_value}[\"'\u201d\u2019`]?(?:[ \t]+(?:for|on|at|in)[ \t]+[^\n,;.:]{{1,30}}?)?[ \t]*(?:[,;(\u2013\u2014]|-(?=[ \t]))?[ \t]*"
            rf"(?:it['\u2019]s[ \t]+|that['\u2019]s[ \t]+)?{_SAME_AS}", re.IGNORECASE)
        self._same_then_value = lazy_compile(
            rf"\b{_SAME_AS}[ \t]*(?:[:,=\u2013\u2014]|-(?=[ \t]))[ \t]*{same_value}(?![\w]|[.,:]\d)", re.IGNORECASE)
        self._not_same_code = lazy_compile(rf"(?:{phrase_pattern(entries('not_same_code_words', context.extra_terms))})", re.IGNORECASE)
        # A secret's name, for key-shaped values near it (round 21): the password words, the secret labels,
        # a service whose keys these are, and plain "key", "token" or "secret".
        self._key_name = lazy_compile(
            rf"\b(?:{_PASSWORD_WORDS}|{secret_labels}|{services}|keys?|tokens?|secrets?)\b", re.IGNORECASE)
        not_secret = phrase_pattern(entries("not_secret_value_labels", context.extra_terms))
        self._not_a_secret_value = lazy_compile(rf"\b(?:{not_secret})\b[ \t]*(?:is|was|[:=#])?[ \t]*$", re.IGNORECASE)
        not_code = phrase_pattern(entries("not_code_words", context.extra_terms))
        self._not_a_door_code = lazy_compile(rf"(?:\b(?:{not_code})[ \t-]*|post)$", re.IGNORECASE)

    def _host_keys(self, text: str) -> list[Span]:
        """"If I'm late, claim host - it's 447102", "Jo, can you claim host? Key is 830215": the first
        six-digit number after the words, in the same sentence."""
        spans = []
        for cue in self._host_cue.finditer(text):
            window = _HOST_WINDOW.match(text, cue.end())
            for match in self._host_value.finditer(text, cue.end(), window.end()):
                start, end = match.span()
                value = match.group()
                if any(ch.isalpha() for ch in value) and len(self._spoken.read(value)) != 6:
                    continue
                if not _MEETING_ID_BEFORE.search(text, max(0, start - 20), start):
                    spans.append(Span(Kind.SECRET, start, end))
                break
        return spans

    def _address_then_its(self, doc: Document) -> list[Span]:
        """"login for Mailchimp is hello@example.org, it's BrassBand2026": the address of an account, then
        its password. A plain word must end the clause ("and it's paid for until March" is not one)."""
        text = doc.text
        spans = []
        for match in _ADDRESS_THEN_ITS.finditer(text):
            start, end = _strip_value(match)
            value = text[start:end]
            if not _looks_like_secret(value, explicit=True, digits_only_ok=False):
                continue
            plain = value.isalpha() and (value.islower() or value[1:].islower())
            if plain and not _CLAUSE_ENDS_AFTER.match(text, end):
                continue
            sentence_start = doc.sentence_bounds(match.start(), match.end())[0]
            before = text[max(sentence_start, match.start() - 80):match.start()]
            if _ACCOUNT_WORDS.search(before) or self._account_label.search(before):
                spans.append(Span(Kind.SECRET, start, end))
        return spans

    def _same_as_codes(self, doc: Document) -> list[Span]:
        """"Storeroom: 3318 (same as the bike shed)": a code shared with another lock, given straight out."""
        text = doc.text
        spans = []
        for pattern in (self._value_then_same, self._same_then_value):
            for match in pattern.finditer(text):
                other = match.group("other").lower().rstrip("'\u2019s") or match.group("other").lower()
                if self._not_same_code.fullmatch(match.group("other")) or self._not_same_code.fullmatch(other):
                    continue
                value = match.group("value")
                count = self._digit_count(value)
                short = self._short_code_near.search(text, max(0, match.start() - 40), match.end()) is not None
                if not (4 <= count <= 8 or (count == 3 and short)):
                    continue
                sentence_start, sentence_end = doc.sentence_bounds(match.start(), match.end())
                if match.group("what") in ("code", "combo", "combination", "pin") or self._code_place.search(text, sentence_start, sentence_end):
                    spans.append(Span(Kind.SECRET, *match.span("value")))
        return spans

    def _said_pairs(self, text: str) -> list[Span]:
        if not ("/" in text or " and " in text or "+" in text or "&" in text or "|" in text or "," in text):
            return []
        spans = []
        for match in _PAIR_SAID.finditer(text):
            start, end = _strip_value(match)
            value, user = text[start:end], match.group("user")
            if not _password_shaped(value) or _FILE_OR_SITE.search(value) or _FILE_OR_SITE.search(user) or EMAIL.search(user + value):
                continue
            said_with_colon = not match.group().lstrip().lower().startswith(("it", "they", "try", "use"))
            if said_with_colon and not user.startswith("@") and not self._account_label.search(match.group()):
                continue  # "Files: setlist_v2.pdf / Rota_2026" - a colon alone is not an account's
            if said_with_colon or _PAIR_FOR.match(text, end) or self._account_label.search(text, end, end + 40):
                spans.append(Span(Kind.SECRET, start, end))
        return spans

    def _described(self, doc: Document) -> list[Span]:
        text = doc.text
        if not any(marker in text for marker in (" so ", "i.e", " ie ", "which ", "making ", "giving ", "that", "aka", "\u2192", "->", "=>")):
            return []
        spans = []
        for match in _SO_THE_VALUE.finditer(text):
            start, end = _strip_value(match)
            value = text[start:end]
            if not _password_shaped(value) or _FILE_OR_SITE.search(value):
                continue
            sentence_start = doc.sentence_bounds(match.start(), match.end())[0]
            before = text[max(sentence_start, match.start() - 120):match.start()]
            if _DESCRIBED_LABEL.search(before) or (self._account_label.search(before) and self._recipe.search(before)):
                spans.append(Span(Kind.SECRET, start, end))
        return spans

    def _overlapping(self, text: str):
        """Every label and its value; a value that is itself a label ("padlock: combination 7351") is
        read again as a label."""
        position = 0
        while (match := self._assigned.search(text, position)) is not None:
            yield match
            position = match.start("value")

    def _digit_count(self, value: str) -> int:
        """The digits a code stands for, said in words or written in figures ("two double five nine" is 4)."""
        if any(ch.isalpha() for ch in value):
            return len(self._spoken.read(value))
        return sum(ch.isdigit() for ch in value)

    def _enough_digits(self, match: re.Match[str], least: int = 4) -> bool:
        """Four digits or more (eight at most when said in words: more is a phone number), or three for a
        padlock or a combination ("Padlock: 4 / 1 / 8", "double three seven")."""
        value = match.group("value")
        count = self._digit_count(value)
        if count > 8 and any(ch.isalpha() for ch in value):
            return False
        if count >= least:
            return True
        return count == 3 and self._short_code_near.search(match.string, max(0, match.start() - 40), match.end()) is not None

    def _listed_codes(self, text: str) -> list[Span]:
        spans = []
        for label in self._code_list.finditer(text):
            line_end = text.find("\n", label.end())
            line_end = len(text) if line_end < 0 else min(line_end, label.end() + 200)
            for code in _LISTED_CODE.finditer(text, label.end(), line_end):
                value = code.group("value")
                if len(value) == 4 or _CLOCK_TIME.fullmatch(value):
                    continue
                spans.append(Span(Kind.SECRET, *code.span("value")))
        return spans

    def _random_keys(self, text: str) -> list[Span]:
        spans = []
        for pattern in (_KEY_WORD_VALUE, self._service_value):
            for match in pattern.finditer(text):
                start, end = _strip_value(match)
                if _random_looking(text[start:end]):
                    spans.append(Span(Kind.SECRET, start, end))
        return spans

    def _key_values_in_context(self, text: str) -> list[Span]:
        """"signing secret, it's 8e2b...", "Here it is: 8e2b... (signing secret)": a key-shaped value with a
        secret's name a little before it on its line, or just after it."""
        spans = []
        # A cheap first look: without a word of twenty characters or more there is no key-shaped value.
        if not any(len(word) >= 20 for word in text.split()):
            return spans
        for match in _KEY_SHAPED_RUN.finditer(text):
            value = match.group("value")
            if not _key_shaped(value):
                continue
            start, end = match.span("value")
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            before = text[max(line_start, start - _KEY_NAME_BEFORE):start]
            after = text[end:min(line_end, end + _KEY_NAME_AFTER)]
            if self._not_a_secret_value.search(before):
                continue  # "commit 4f9c2e81...", "file ID 1aBcD...": labelled as something else
            if self._key_name.search(before) or self._key_name.search(after):
                spans.append(Span(Kind.SECRET, start, end))
        return spans

    def _wifi_captions(self, text: str) -> list[Span]:
        spans = []
        for match in _WIFI_CAPTION.finditer(text):
            for group in ("second", "first"):
                if match.group(group) is None:
                    continue
                start, end = match.span(group)
                while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
                    end -= 1
                if group == "first" and (_NETWORK_LABEL_BEFORE.search(text, max(0, start - 20), start)
                                         or _NETWORK_NAME_GAP.search(match.group("gap"))
                                         or _PASSWORD_LABEL_AFTER.match(text, end)):
                    continue  # the network's name, not its password
                if _password_shaped(text[start:end]):
                    spans.append(Span(Kind.SECRET, start, end))
                    break
        return spans

    def _keyed_codes(self, text: str) -> list[Span]:
        spans = []
        for match in self._keyed_code.finditer(text):
            key = match.group("key")
            if key.isalpha() and " " not in key and not _KEY_WORD_END.match(text, match.end()):
                continue  # "then the drums enter the room": a word, not a key
            spans.append(Span(Kind.SECRET, *match.span("value")))
        return spans

    def _wifi_sentences(self, doc: Document) -> list[Span]:
        text = doc.text
        spans = []
        for pattern in (_WIFI_LABEL_LATER, _WIFI_TYPED):
            for match in pattern.finditer(text):
                start, end = _strip_value(match)
                sentence_start, sentence_end = doc.sentence_bounds(match.start(), match.end())
                # Typed in when the password is asked for, it is one wherever it is.
                wifi = pattern is _WIFI_TYPED or _WIFI_SENTENCE.search(text, sentence_start, sentence_end)
                if _password_shaped(text[start:end]) and wifi:
                    spans.append(Span(Kind.SECRET, start, end))
        return spans

    def find(self, doc: Document) -> list[Span]:
        text = doc.text  # not the masked text: webhook URLs and tokens in links are secrets too
        lowered = text.lower()  # only for the cheap first looks, so its length does not matter
        spans: list[Span] = []
        if any(marker in text for marker in _TOKEN_MARKERS):
            spans += [Span(Kind.SECRET, m.start(), m.end()) for m in _TOKENS.finditer(text)]
        if "secret" in lowered:
            spans += [Span(Kind.SECRET, m.start("value"), m.end("value")) for m in _AWS_SECRET.finditer(text)]
        if "@" in text:
            spans += self._address_then_its(doc)
            for match in _ADDRESS_THEN_PASSWORD.finditer(text):
                start, end = _strip_value(match)
                # "info@... | www.example.org.uk" in a signature: an address, then a website, not a password.
                if (_looks_like_secret(text[start:end], explicit=False, digits_only_ok=False)
                        and not _FILE_OR_SITE.search(text[start:end])):
                    spans.append(Span(Kind.SECRET, start, end))
        if any(ch.isdigit() for ch in text):
            spans += self._keyed_codes(text)  # "press 5-0-2-2 then enter" may have no marker word
        if "use" in lowered or " in " in lowered or " on " in lowered:
            for match in _ACCOUNT_THEN_PASSWORD.finditer(text):
                start, end = _strip_value(match)
                value = text[start:end]
                if _password_shaped(value) and not _FILE_OR_SITE.search(value) and not _FILE_OR_SITE.search(match.group("user")):
                    spans.append(Span(Kind.SECRET, start, end))
        spans += self._said_pairs(text)
        if "same" in lowered:
            spans += self._same_as_codes(doc)
        if "host" in lowered or "claim" in lowered:
            spans += self._host_keys(text)
        spans += self._described(doc)
        if not any(marker in lowered for marker in _WORD_MARKERS):
            return spans
        spans += self._listed_codes(text)
        spans += self._random_keys(text)
        spans += self._key_values_in_context(text)
        spans += self._wifi_sentences(doc)
        if "wi" in lowered or "network" in lowered or "router" in lowered:
            spans += self._wifi_captions(text)
        for match in self._overlapping(text):
            start, end = _strip_value(match)
            value = text[start:end]
            word = " ".join(match.group("word").lower().split())
            is_code = self._code_labels.match(word) is not None
            explicit = match.group("sep") is not None or word in _ABBREVIATIONS
            if explicit and match.start("sep") > match.end("word") and text[match.start("sep")] in "'\u2019":
                # "reset the password after Sam's laptop went missing" (round 24): an "'s" joined to a word of
                # the qualifier is that word's possessive, not "password's", so a plain word after it is no value.
                # The value may come after the thing owned: "the password for Sam's account is Tr0mbone!9".
                explicit = False
                owned = _OWNED_THING_THEN_VALUE.match(text, match.start("value"))
                if owned is not None:
                    start, end = _strip_value(owned)
                    value = text[start:end]
            if "/" in value and _USERNAME_SLASH_BEFORE.search(text, max(0, match.start("word") - 20), match.start("word")):
                # "username/password: bob/hunter2": only the part after the slash is secret.
                start += value.index("/") + 1
                value = text[start:end]
            # "combo for the drum cage padlock is 909": a padlock's code may have three digits.
            short = is_code and (self._short_code.match(word) is not None
                                 or self._short_code_near.search(text, match.start("word"), match.start("value")) is not None)
            if _looks_like_secret(value, explicit=explicit, digits_only_ok=is_code, min_digits=3 if short else 4):
                spans.append(Span(Kind.SECRET, start, end))
        for match in self._spaced_code.finditer(text):
            spans.append(Span(Kind.SECRET, *match.span("value")))
        for match in self._spoken_code.finditer(text):
            if self._enough_digits(match):
                spans.append(Span(Kind.SECRET, *match.span("value")))
        if "_" in text:
            for match in _SECRET_SETTING.finditer(text):
                start, end = _strip_value(match)
                if _looks_like_secret(text[start:end], explicit=False, digits_only_ok=False):
                    spans.append(Span(Kind.SECRET, start, end))
        for match in self._place_number.finditer(text):
            if match.group("dash") and _CLOCK_TIME.fullmatch(match.group("value")):
                continue  # "meet at the gate - 1930 sharp" is a time
            if not self._enough_digits(match):
                continue
            spans.append(Span(Kind.SECRET, *match.span("value")))
        for match in self._keyed_in.finditer(text):
            if _NOT_KEYED_AFTER.match(text, match.end()) or not self._enough_digits(match):
                continue  # "enter 2026 as the year"
            sentence_start, sentence_end = doc.sentence_bounds(match.start(), match.end())
            if self._code_place.search(text, sentence_start, sentence_end):
                spans.append(Span(Kind.SECRET, *match.span("value")))
        for match in _NETWORK_THEN_PASSWORD.finditer(text):
            start, end = _strip_value(match)
            if _looks_like_secret(text[start:end], explicit=False, digits_only_ok=False):
                spans.append(Span(Kind.SECRET, start, end))
        for match in _NETWORK_KEY.finditer(text):
            start, end = _strip_value(match)
            if _looks_like_secret(text[start:end], explicit=match.group("sep") is not None, digits_only_ok=False):
                spans.append(Span(Kind.SECRET, start, end))
        for match in _PASS_COLON.finditer(text):
            start, end = _strip_value(match)
            if _looks_like_secret(text[start:end], explicit=True, digits_only_ok=False):
                spans.append(Span(Kind.SECRET, start, end))
        for match in self._bare_code.finditer(text):
            if self._not_a_door_code.search(text, max(0, match.start() - 20), match.start()) or not self._enough_digits(match, least=3):
                continue
            sentence_start, sentence_end = doc.sentence_bounds(match.start(), match.end())
            if self._code_place.search(text, sentence_start, sentence_end):
                spans.append(Span(Kind.SECRET, *match.span("value")))
        for match in _CHANGED_TO.finditer(text):
            start, end = _strip_value(match)
            is_code = match.group("word").lower() in ("pin", "code", "combination", "combo")
            if _looks_like_secret(text[start:end], explicit=False, digits_only_ok=is_code):
                spans.append(Span(Kind.SECRET, start, end))
        for match in _LOCK_CHANGED_NOW.finditer(text):
            spans.append(Span(Kind.SECRET, *match.span("value")))
        for match in [*_CHANGED_NOW.finditer(text), *_RESET_NOW.finditer(text)]:
            start, end = _strip_value(match)
            if _looks_like_secret(text[start:end], explicit=False, digits_only_ok=False):
                spans.append(Span(Kind.SECRET, start, end))
        if "new one" in lowered:
            for match in _NEW_ONE.finditer(text):
                before = text[max(0, match.start() - _NEW_ONE_LOOKBACK):match.start()]
                start, end = _strip_value(match)
                if _PASSWORD_CHANGED_BEFORE.search(before) and _looks_like_secret(text[start:end], explicit=False, digits_only_ok=False):
                    spans.append(Span(Kind.SECRET, start, end))
        if "?" in text and "://" in text:
            for match in self._url_secret.finditer(text):
                start, end = _strip_value(match)
                value = text[start:end]
                # "?key=summer-showcase-2027" is a readable name; a key is a run of characters (or a long UUID).
                if "-" in value and len(value) < 32:
                    continue
                if _looks_like_secret(value, explicit=False, digits_only_ok=False) and any(ch.isdigit() for ch in value):
                    spans.append(Span(Kind.SECRET, start, end))
        # Each only where its one fixed word is, so that most texts skip them.
        unlabelled = [pattern for pattern, needed in ((_USER_THEN_PASSWORD, "pass" in lowered or "pw" in lowered),
                                                      (_LABEL_THEN_COLON, ":" in text), (_UNTIL_ROTATED, "until" in lowered))
                      if needed]
        for pattern in unlabelled:
            for match in pattern.finditer(text):
                start, end = _strip_value(match)
                if _looks_like_secret(text[start:end], explicit=False, digits_only_ok=False):
                    spans.append(Span(Kind.SECRET, start, end))
        for match in _LOGIN.finditer(text):
            start, end = _strip_value(match)
            if _looks_like_secret(text[start:end], explicit=True, digits_only_ok=False):
                spans.append(Span(Kind.SECRET, start, end))
        return spans
