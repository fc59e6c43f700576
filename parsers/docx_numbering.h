// Word list numbering: list labels computed exactly as Word renders them.
//
// Built from numbering.xml and styles.xml. A paragraph is numbered by its
// direct w:numPr, or through its paragraph style (pStyle, following basedOn,
// and numStyleLink/styleLink between abstract numberings). Labels follow
// lvlText ("%1.%2", "Article %1", "第%1条"), numFmt (decimal, letters, roman,
// ordinal, cardinalText, chineseCounting, chineseCountingThousand,
// chineseLegalSimplified, ideographTraditional, ideographZodiac,
// japaneseCounting, decimalFullWidth, decimalEnclosedCircle,
// decimalEnclosedParen, decimalZero, bullet, none), start, lvlRestart, isLgl,
// and num-level lvlOverride/startOverride. Counters live for the whole
// document, so numbering continues across tables and sections.
//
//   DocxNumbering numbering = DocxNumbering::Load(numbering_xml, styles_xml);
//   DocxNumbering::ListRef ref;
//   if (numbering.Resolve(num_id, ilvl, style_id, &ref)) {
//     block.label = numbering.NextLabel(ref);  // advances the counters
//   }
#ifndef CLAUSECHECK_PARSERS_DOCX_NUMBERING_H_
#define CLAUSECHECK_PARSERS_DOCX_NUMBERING_H_

#include <memory>
#include <string>
#include <string_view>

namespace pugi {
class xml_node;
}

namespace clausecheck::parsers {

class DocxNumbering {
 public:
  struct ListRef {
    int num_id = 0;
    int ilvl = 0;
  };

  /// Parses both parts (either may be empty). Never fails: what is malformed
  /// is ignored, so a broken numbering part gives unnumbered paragraphs.
  static DocxNumbering Load(std::string_view numbering_xml, std::string_view styles_xml);
  /// The same with styles.xml already parsed (pugi::parse_default) by the
  /// caller: `styles` is its document element, or a null node for none.
  static DocxNumbering Load(std::string_view numbering_xml, const pugi::xml_node& styles);

  /// The list a paragraph belongs to, from its direct numPr (-1 when absent)
  /// and its style id (may be empty). False when it is not numbered
  /// (no numPr anywhere, numId 0, or a numId with no definition).
  bool Resolve(int direct_num_id, int direct_ilvl, std::string_view style_id, ListRef* out) const;

  /// Advances the counter of `ref`'s level (restarting deeper levels as
  /// lvlRestart says) and returns the rendered label, e.g. "12.1", "(a)",
  /// "第十二条", "•". Empty for numFmt none.
  std::string NextLabel(const ListRef& ref);

  /// Outline level 1..9 of a paragraph style (w:outlineLvl, directly or via
  /// basedOn; or a built-in heading style: "Heading N", "heading N",
  /// "标题 N"), 0 when the style is not a heading.
  int HeadingLevel(std::string_view style_id) const;

  DocxNumbering(DocxNumbering&&) noexcept;
  DocxNumbering& operator=(DocxNumbering&&) noexcept;
  ~DocxNumbering();

 private:
  struct Impl;
  explicit DocxNumbering(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausecheck::parsers

#endif  // CLAUSECHECK_PARSERS_DOCX_NUMBERING_H_
