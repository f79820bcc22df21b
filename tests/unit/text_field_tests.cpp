// Editing a one-line field: typing, deleting and moving by grapheme cluster and by word, selecting, limits.
#include "timeline/text_field.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

TEST_CASE("a text field: typing goes in at the caret, over the selection") {
    TextField field;
    CHECK(field.insert("Straße"));
    CHECK(field.text() == "Straße");
    CHECK(field.caret() == field.text().size());
    field.home(false);
    CHECK(field.insert("Die "));
    CHECK(field.text() == "Die Straße");
    CHECK(field.caret() == 4);
    field.selectAll();
    CHECK(field.selected() == "Die Straße");
    CHECK(field.insert("夜"));
    CHECK(field.text() == "夜");
    CHECK_FALSE(field.hasSelection());
}

TEST_CASE("a text field: control characters typed or pasted go; a line break becomes a space") {
    TextField field;
    CHECK(field.insert("one\ntwo\tthree\x01\x7F"));
    CHECK(field.text() == "one two three");
    CHECK_FALSE(field.insert("\x02"));
    CHECK(field.text() == "one two three");
}

TEST_CASE("a text field: Backspace, Delete and the arrows step over whole grapheme clusters") {
    TextField field;
    // e + combining acute, a family emoji joined with zero-width joiners, a flag, a Hangul syllable of three jamo.
    const std::string accented = "e\u0301", family = "👩\u200D👩\u200D👧", flag = "🇫🇷", syllable = "\u1112\u1161\u11AB";
    field.insert("a" + accented + family + flag + syllable);
    CHECK(field.erase(false, false));
    CHECK(field.text() == "a" + accented + family + flag);
    CHECK(field.erase(false, false));
    CHECK(field.text() == "a" + accented + family);
    field.move(false, false, false);  // before the family
    CHECK(field.caret() == 1 + accented.size());
    field.move(false, false, false);  // before the accented e
    CHECK(field.caret() == 1);
    CHECK(field.erase(true, false));  // Delete takes the e with its accent
    CHECK(field.text() == "a" + family);
    field.move(true, false, false);
    CHECK(field.caret() == field.text().size());
    CHECK_FALSE(field.erase(true, false));  // nothing after the caret
    field.home(false);
    CHECK_FALSE(field.erase(false, false));  // nothing before it
}

TEST_CASE("a text field: Ctrl steps and deletes by word; Shift selects") {
    TextField field;
    field.insert("the night  out");
    CHECK(field.erase(false, true));
    CHECK(field.text() == "the night  ");
    field.move(false, true, false);
    CHECK(field.caret() == 4);
    field.move(true, true, true);  // Shift+Ctrl+Right selects "night"
    CHECK(field.selected() == "night");
    field.move(false, false, false);  // Left ends the selection at its start
    CHECK(field.caret() == 4);
    CHECK_FALSE(field.hasSelection());
    field.end(true);
    CHECK(field.selected() == "night  ");
    CHECK(field.erase(false, false));
    CHECK(field.text() == "the ");
}

TEST_CASE("a text field: a click's place snaps to a cluster boundary; set() replaces the text") {
    TextField field;
    field.insert("a👍🏽b");  // a thumbs up with a skin tone is one cluster of eight bytes
    field.place(3, false);   // inside it
    CHECK(field.caret() == 1);
    field.place(100, true);
    CHECK(field.caret() == field.text().size());
    CHECK(field.anchor() == 1);
    field.set("");
    CHECK(field.text().empty());
    CHECK(field.caret() == 0);
    CHECK_FALSE(field.hasSelection());
}

TEST_CASE("a text field holds at most its limit of whole clusters, and says when typing was cut") {
    TextField field;
    CHECK(field.insert(std::string(10, 'x'), 12));
    CHECK_FALSE(field.limitHit());
    CHECK(field.insert("ab🇫🇷", 12));  // room for "ab" only: the flag does not fit whole
    CHECK(field.limitHit());
    CHECK(field.text() == std::string(10, 'x') + "ab");
}
