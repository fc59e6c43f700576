#include "analyzer/extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clausecheck::analyzer {
namespace {

// One block, one clause: the shape the segmenter gives a paragraph.
std::vector<Fact> Extract(const std::string& text, const std::string& language = "en",
                          DateOrder order = DateOrder::kAuto) {
  Document doc;
  Block b;
  b.text = text;
  b.source.part = "text";
  b.source.index = 3;
  doc.blocks.push_back(b);
  Clause c;
  c.id = "c1";
  c.first_block = 0;
  c.end_block = 1;
  c.text = text;
  c.block_offsets = {0};
  return ExtractFacts(doc, {c}, ExtractOptions{language, order});
}

std::vector<Fact> OfType(const std::vector<Fact>& facts, FactType t) {
  std::vector<Fact> out;
  for (const Fact& f : facts) {
    if (f.type == t) out.push_back(f);
  }
  return out;
}

// The code-point span of `needle` in `text`, for checking locations.
std::pair<int, int> Span(const std::string& text, const std::string& needle) {
  size_t b = text.find(needle);
  auto cps = [&](size_t n) {
    int k = 0;
    for (size_t i = 0; i < n; ++i) k += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return k;
  };
  return {cps(b), cps(b + needle.size())};
}

void ExpectSpan(const Fact& f, const std::string& input, const std::string& span) {
  EXPECT_EQ(f.text, span);
  ASSERT_TRUE(f.location.has_value());
  auto [s, e] = Span(input, span);
  EXPECT_EQ(f.location->start, s) << input;
  EXPECT_EQ(f.location->end, e) << input;
  EXPECT_EQ(f.location->block, 3);
  EXPECT_EQ(f.location->part, "text");
  EXPECT_EQ(f.clause_id, "c1");
}

struct DateCase {
  const char* input;
  const char* value;  // "" = placeholder
  const char* role;
  const char* span;
  const char* language = "en";
};

const DateCase kDates[] = {
    // English, month first
    {"This Agreement is effective as of January 1, 2026.", "2026-01-01", "effective",
     "January 1, 2026"},
    {"Dated: March 15, 2025", "2025-03-15", "signing", "March 15, 2025"},
    {"The Term expires on December 31, 2027.", "2027-12-31", "expiry", "December 31, 2027"},
    {"Services commence on Feb. 3, 2026 and run.", "2026-02-03", "start", "Feb. 3, 2026"},
    {"made on Jan. 1, 2026", "2026-01-01", "signing", "Jan. 1, 2026"},
    {"This Agreement shall terminate on Sept 30, 2028.", "2028-09-30", "end", "Sept 30, 2028"},
    {"The Goods shall be delivered by June 5, 2026.", "2026-06-05", "delivery", "June 5, 2026"},
    {"Payment due on April 30, 2026.", "2026-04-30", "payment", "April 30, 2026"},
    {"The renewal term begins after October 1, 2027.", "2027-10-01", "renewal", "October 1, 2027"},
    {"Notice must be given no later than July 1, 2026.", "2026-07-01", "notice", "July 1, 2026"},
    {"On August 2, 2026 the parties met.", "2026-08-02", "other", "August 2, 2026"},
    {"effective as of JANUARY 12, 2026", "2026-01-12", "effective", "JANUARY 12, 2026"},
    {"entered into as of May 1st, 2026", "2026-05-01", "signing", "May 1st, 2026"},
    {"continues until November 22, 2029.", "2029-11-22", "end", "November 22, 2029"},
    {"effective February 29, 2028", "2028-02-29", "effective", "February 29, 2028"},
    {"From March 3, 2026 onward", "2026-03-03", "start", "March 3, 2026"},
    {"takes effect on Dec 1 2026", "2026-12-01", "effective", "Dec 1 2026"},
    {"The Effective Date is June 30, 2026 (the \"Effective Date\").", "2026-06-30", "effective",
     "June 30, 2026"},
    {"ending on the anniversary (January 12, 2028).", "2028-01-12", "end", "January 12, 2028"},
    {"The Commencement Date: Aug 15, 2026 (the \"Commencement Date\")", "2026-08-15", "start",
     "Aug 15, 2026"},
    // English, day first
    {"made on 18 February 2026", "2026-02-18", "signing", "18 February 2026"},
    {"and takes effect on 1 March 2026 (the \"Effective Date\")", "2026-03-01", "effective",
     "1 March 2026"},
    {"IN WITNESS WHEREOF, signed on the 1st day of January, 2026.", "2026-01-01", "signing",
     "the 1st day of January, 2026"},
    {"executed this 22nd day of July 2026", "2026-07-22", "signing", "22nd day of July 2026"},
    {"until 31 July 2028", "2028-07-31", "end", "31 July 2028"},
    {"expires on 3 Sept. 2027", "2027-09-03", "expiry", "3 Sept. 2027"},
    {"is effective from 1 August 2026", "2026-08-01", "effective", "1 August 2026"},
    {"terminates on 28 February 2029", "2029-02-28", "end", "28 February 2029"},
    {"the 2nd day of March, 2026", "2026-03-02", "other", "the 2nd day of March, 2026"},
    {"the 23rd day of April 2026", "2026-04-23", "other", "the 23rd day of April 2026"},
    {"On 9 Nov 2026 we met", "2026-11-09", "other", "9 Nov 2026"},
    // ISO and numeric
    {"Effective Date: 2026-01-01", "2026-01-01", "effective", "2026-01-01"},
    {"dated 2026-12-31", "2026-12-31", "signing", "2026-12-31"},
    {"until 2027/6/30", "2027-06-30", "end", "2027/6/30"},
    {"dated 01/02/2026", "2026-01-02", "signing", "01/02/2026"},
    {"dated 12/31/2026", "2026-12-31", "signing", "12/31/2026"},
    {"dated 31/12/2026", "2026-12-31", "signing", "31/12/2026"},  // one reading only
    {"dated 13/02/2026", "2026-02-13", "signing", "13/02/2026"},
    {"dated 01.02.2026", "2026-02-01", "signing", "01.02.2026"},  // dots: day first
    {"on 2026.1.1", "2026-01-01", "other", "2026.1.1"},
    {"until 2028-02-29", "2028-02-29", "end", "2028-02-29"},
    {"signed on 7/4/2026", "2026-07-04", "signing", "7/4/2026"},
    // Chinese
    {"本合同自2026年1月1日起生效。", "2026-01-01", "effective", "2026年1月1日", "zh"},
    {"租赁期限自2026年7月1日起至2027年6月30日止。", "2026-07-01", "start", "2026年7月1日", "zh"},
    {"合同于二〇二六年一月一日签订。", "2026-01-01", "signing", "二〇二六年一月一日", "zh"},
    {"自二零二六年元月一日起。", "2026-01-01", "start", "二零二六年元月一日", "zh"},
    {"签订日期：2026年3月8日", "2026-03-08", "signing", "2026年3月8日", "zh"},
    {"乙方应于2026年5月15日前交货。", "2026-05-15", "delivery", "2026年5月15日", "zh"},
    {"甲方应于2026年6月25日前支付租金。", "2026-06-25", "payment", "2026年6月25日", "zh"},
    {"本合同于2027年12月31日届满。", "2027-12-31", "expiry", "2027年12月31日", "zh"},
    {"有效期至2028年4月30日止。", "2028-04-30", "end", "2028年4月30日", "zh"},
    {"项目于2026年1月启动。", "2026-01", "other", "2026年1月", "zh"},
    {"日期：2026 年 9 月 10 日", "2026-09-10", "other", "2026 年 9 月 10 日", "zh"},
    {"于2026年10月1号开始", "2026-10-01", "start", "2026年10月1号", "zh"},
    {"本合同签署于2026年2月28日。", "2026-02-28", "signing", "2026年2月28日", "zh"},
    {"双方于二〇二六年十二月三十一日签订", "2026-12-31", "signing", "二〇二六年十二月三十一日",
     "zh"},
    {"二〇二八年二月二十九日生效", "2028-02-29", "effective", "二〇二八年二月二十九日", "zh"},
    {"续约日期为2027年1月1日", "2027-01-01", "renewal", "2027年1月1日", "zh"},
    {"通知期限截至2026年3月1日", "2026-03-01", "end", "2026年3月1日", "zh"},
    {"交付日期 2026/8/8", "2026-08-08", "delivery", "2026/8/8", "zh"},
    {"付款日：2026.11.30", "2026-11-30", "payment", "2026.11.30", "zh"},
    {"从2026年4月1日开始计算", "2026-04-01", "start", "2026年4月1日", "zh"},
    {"2026年4月1日（“生效日”）", "2026-04-01", "effective", "2026年4月1日", "zh"},
    {"自2026年3月1日起至2027年2月28日止", "2026-03-01", "start", "2026年3月1日", "zh"},
    {"The Agreement shall come into force on 1 April 2026.", "2026-04-01", "effective",
     "1 April 2026"},
    {"effective as from 1 January 2009", "2009-01-01", "effective", "1 January 2009"},
    {"shall conclude on October 31, 2010", "2010-10-31", "end", "October 31, 2010"},
    {"Lease expiring on 30 June 2027.", "2027-06-30", "expiry", "30 June 2027"},
    {"The Products shall be delivered on 2026-09-01.", "2026-09-01", "delivery", "2026-09-01"},
    {"二〇二六年三月十日交货", "2026-03-10", "delivery", "二〇二六年三月十日", "zh"},
    {"2026年12月31日前付清全部价款", "2026-12-31", "payment", "2026年12月31日", "zh"},
    {"合同期限届满日为2029年1月31日", "2029-01-31", "expiry", "2029年1月31日", "zh"},
    // Placeholders
    {"本合同有效期自____年__月__日起至____年__月__日止。", "", "start", "____年__月__日", "zh"},
    {"签订日期：____年__月__日", "", "signing", "____年__月__日", "zh"},
    {"自【】年【】月【】日起", "", "start", "【】年【】月【】日", "zh"},
    {"This Agreement is dated [DATE].", "", "signing", "[DATE]"},
    {"effective as of [Effective Date]", "", "effective", "[Effective Date]"},
    {"made on [●], 2026", "", "signing", "[●], 2026"},
    {"made on January [●], 2026", "", "signing", "January [●], 2026"},
    {"dated ______, 2026", "", "signing", "______, 2026"},
    {"dated [Date], 2026", "", "signing", "[Date], 2026"},
    {"dated as of [insert date]", "", "signing", "[insert date]"},
    {"签订日期：____年____月____日", "", "signing", "____年____月____日", "zh"},
    {"Effective Date: [DATE]", "", "effective", "[DATE]"},
    {"自【 】年【 】月【 】日起", "", "start", "【 】年【 】月【 】日", "zh"},
    {"the ___ day of ________, 2026", "", "other", "________, 2026"},
    // More English wordings
    {"This Agreement is dated as of March 1, 2026.", "2026-03-01", "signing", "March 1, 2026"},
    {"dated this 5th day of May, 2026", "2026-05-05", "signing", "5th day of May, 2026"},
    {"Effective Date: 15 June 2026", "2026-06-15", "effective", "15 June 2026"},
    {"Commencement Date: 1 July 2026", "2026-07-01", "start", "1 July 2026"},
    {"Expiry Date: 30 June 2029", "2029-06-30", "expiry", "30 June 2029"},
    {"End Date: December 31, 2030", "2030-12-31", "end", "December 31, 2030"},
    {"The Initial Term ends on March 31, 2027.", "2027-03-31", "end", "March 31, 2027"},
    {"a lease expiring December 31, 2026", "2026-12-31", "expiry", "December 31, 2026"},
    {"The Closing shall occur on April 15, 2026.", "2026-04-15", "other", "April 15, 2026"},
    {"executed on 3 April 2026", "2026-04-03", "signing", "3 April 2026"},
    {"as of October 10, 2026 (the \"Effective Date\")", "2026-10-10", "effective",
     "October 10, 2026"},
    {"delivered no later than 1 Dec. 2026", "2026-12-01", "delivery", "1 Dec. 2026"},
    {"shall pay the balance by 30 September 2026", "2026-09-30", "payment", "30 September 2026"},
    {"must renew by 1 November 2027", "2027-11-01", "renewal", "1 November 2027"},
    {"written notice by 1 October 2026", "2026-10-01", "notice", "1 October 2026"},
    {"Through June 30, 2027, prices are fixed.", "2027-06-30", "end", "June 30, 2027"},
    {"This Agreement shall terminate on 31st December 2027.", "2027-12-31", "end",
     "31st December 2027"},
    {"SIGNED on the 14th day of February 2026", "2026-02-14", "signing",
     "the 14th day of February 2026"},
    {"AUGUST 1, 2026", "2026-08-01", "other", "AUGUST 1, 2026"},
    {"effective 2026-07-15", "2026-07-15", "effective", "2026-07-15"},
    {"dated 2026/07/15", "2026-07-15", "signing", "2026/07/15"},
    {"dated 15.07.2026", "2026-07-15", "signing", "15.07.2026"},
    {"dated 2026.07.15", "2026-07-15", "signing", "2026.07.15"},
    {"dated 7/15/2026", "2026-07-15", "signing", "7/15/2026"},
    {"dated 15/7/2026", "2026-07-15", "signing", "15/7/2026"},
    {"met on 1-2-2026", "2026-01-02", "other", "1-2-2026"},
    {"until 29 February 2028", "2028-02-29", "end", "29 February 2028"},
    // More Chinese wordings
    {"本合同于2026年5月20日签订。", "2026-05-20", "signing", "2026年5月20日", "zh"},
    {"乙方须在2026年8月31日前完成交付。", "2026-08-31", "delivery", "2026年8月31日", "zh"},
    {"借款期限自2026年3月1日至2027年2月28日。", "2026-03-01", "start", "2026年3月1日", "zh"},
    {"还款日为2027年2月28日", "2027-02-28", "payment", "2027年2月28日", "zh"},
    {"二〇二七年六月三十日到期", "2027-06-30", "expiry", "二〇二七年六月三十日", "zh"},
    {"2026年6月", "2026-06", "other", "2026年6月", "zh"},
    {"二零二六年十月一日", "2026-10-01", "other", "二零二六年十月一日", "zh"},
    {"2026年02月08日", "2026-02-08", "other", "2026年02月08日", "zh"},
    {"2026 年 1 月 1 日起生效", "2026-01-01", "effective", "2026 年 1 月 1 日", "zh"},
    {"甲方应于2026年4月10日前付款", "2026-04-10", "payment", "2026年4月10日", "zh"},
    {"本合同有效期至二〇二八年十二月三十一日止", "2028-12-31", "end", "二〇二八年十二月三十一日",
     "zh"},
    {"2026年3月31日前交付", "2026-03-31", "delivery", "2026年3月31日", "zh"},
    {"续签日期：2027年12月1日", "2027-12-01", "renewal", "2027年12月1日", "zh"},
    {"通知日期为2026年9月1日", "2026-09-01", "notice", "2026年9月1日", "zh"},
    {"2026/12/1", "2026-12-01", "other", "2026/12/1", "zh"},
    {"签署日期：2026.03.15", "2026-03-15", "signing", "2026.03.15", "zh"},
    {"生效日期：2026年4月1日", "2026-04-01", "effective", "2026年4月1日", "zh"},
    {"届满日期：2029年3月31日", "2029-03-31", "expiry", "2029年3月31日", "zh"},
};

TEST(ExtractDates, TableOfCases) {
  for (const DateCase& c : kDates) {
    SCOPED_TRACE(c.input);
    auto dates = OfType(Extract(c.input, c.language), FactType::kDate);
    ASSERT_FALSE(dates.empty());
    const Fact& f = dates[0];
    if (*c.value) {
      ASSERT_TRUE(f.value.has_value());
      EXPECT_EQ(*f.value, c.value);
      EXPECT_FALSE(f.placeholder);
    } else {
      EXPECT_FALSE(f.value.has_value());
      EXPECT_TRUE(f.placeholder);
    }
    EXPECT_EQ(f.role, c.role);
    ExpectSpan(f, c.input, c.span);
  }
}

TEST(ExtractDates, RejectsDatesNotInTheCalendar) {
  for (const char* text :
       {"February 30, 2026", "30 February 2026", "2026-02-29", "April 31, 2026", "2026年2月30日",
        "2026年13月1日", "二〇二六年二月三十日", "31/04/2026", "2026/13/01", "32 January 2026",
        "June 0, 2026", "2026-00-10", "1899-01-01", "February 29, 2100"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(OfType(Extract(text), FactType::kDate).empty());
  }
}

TEST(ExtractDates, SignatureBlanksOfSpacesAreNotPlaceholders) {
  EXPECT_TRUE(OfType(Extract("日期：    年  月  日", "zh"), FactType::kDate).empty());
}

TEST(ExtractDates, DateOrderOption) {
  auto mdy = OfType(Extract("dated 01/02/2026", "en", DateOrder::kMonthFirst), FactType::kDate);
  auto dmy = OfType(Extract("dated 01/02/2026", "en", DateOrder::kDayFirst), FactType::kDate);
  ASSERT_EQ(mdy.size(), 1u);
  ASSERT_EQ(dmy.size(), 1u);
  EXPECT_EQ(*mdy[0].value, "2026-01-02");
  EXPECT_EQ(*dmy[0].value, "2026-02-01");
}

TEST(ExtractDates, TwoDatesTwoRoles) {
  auto d = OfType(Extract("租赁期限自2026年7月1日起至2027年6月30日止。", "zh"), FactType::kDate);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].role, "start");
  EXPECT_EQ(d[1].role, "end");
  EXPECT_EQ(*d[1].value, "2027-06-30");
  auto e = OfType(Extract("is made on 18 February 2026 and takes effect on 1 March 2026"),
                  FactType::kDate);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].role, "signing");
  EXPECT_EQ(e[1].role, "effective");
  auto f = OfType(Extract("from January 1, 2026 to December 31, 2026"), FactType::kDate);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].role, "start");
  EXPECT_EQ(f[1].role, "end");
}

// Relative dates: the anchor, the offset, and the value computed with
// calendar-exact arithmetic when the anchor's date is in the text.
struct RelativeCase {
  const char* input;
  const char* value;  // "" = the anchor has no date here
  const char* anchor;
  double offset;
  const char* unit;  // "" when the offset is 0
  const char* direction;
  const char* span;
  const char* language = "en";
};

const RelativeCase kRelative[] = {
    {"This Agreement takes effect on January 31, 2026. Payment is due one (1) month after the "
     "Effective Date.",
     "2026-02-28", "effective", 1, "month", "after", "one (1) month after the Effective Date"},
    {"effective as of January 31, 2028; due one (1) month after the Effective Date", "2028-02-29",
     "effective", 1, "month", "after", "one (1) month after the Effective Date"},
    {"effective as of March 31, 2026; due three (3) months after the Effective Date", "2026-06-30",
     "effective", 3, "month", "after", "three (3) months after the Effective Date"},
    {"effective as of February 29, 2028; renews on the first anniversary of the Effective Date",
     "2029-02-28", "effective", 1, "year", "after", "the first anniversary of the Effective Date"},
    {"effective as of January 2, 2026; within five (5) business days after the Effective Date",
     "2026-01-09", "effective", 5, "business_day", "after",
     "five (5) business days after the Effective Date"},
    {"The Term ends on December 31, 2026. Notice is due sixty (60) days prior to the expiration "
     "of the Term.",
     "2026-11-01", "expiry", 60, "day", "before", "sixty (60) days prior to the expiration"},
    {"effective as of January 1, 2026; two (2) weeks after the Effective Date", "2026-01-15",
     "effective", 2, "week", "after", "two (2) weeks after the Effective Date"},
    {"effective on 1 March 2026; within thirty (30) days after the Effective Date", "2026-03-31",
     "effective", 30, "day", "after", "thirty (30) days after the Effective Date"},
    {"shall commence on 1 April 2026 and end one (1) year after the Commencement Date",
     "2027-04-01", "start", 1, "year", "after", "one (1) year after the Commencement Date"},
    {"expires on 30 June 2027; notice six (6) months prior to the expiry of the Term", "2026-12-30",
     "expiry", 6, "month", "before", "six (6) months prior to the expiry"},
    {"effective as of December 31, 2025; payable 2 months after the Effective Date", "2026-02-28",
     "effective", 2, "month", "after", "2 months after the Effective Date"},
    {"effective as of January 9, 2026 (a Friday); 1 business day before the Effective Date",
     "2026-01-08", "effective", 1, "business_day", "before",
     "1 business day before the Effective Date"},
    {"effective as of January 12, 2026; 1 business day before the Effective Date", "2026-01-09",
     "effective", 1, "business_day", "before", "1 business day before the Effective Date"},
    {"within 30 days of receipt of the invoice", "", "invoice", 30, "day", "after",
     "30 days of receipt of the invoice"},
    {"ninety (90) days following termination", "", "termination", 90, "day", "after",
     "ninety (90) days following termination"},
    {"10 days after delivery", "", "delivery", 10, "day", "after", "10 days after delivery"},
    {"within thirty (30) days after acceptance", "", "acceptance", 30, "day", "after",
     "thirty (30) days after acceptance"},
    {"no later than 15 days before the Effective Date", "", "effective", 15, "day", "before",
     "15 days before the Effective Date"},
    {"within sixty (60) days from the date of this Agreement", "", "signing", 60, "day", "after",
     "sixty (60) days from the date of this Agreement"},
    {"within five (5) business days after the Closing Date", "", "other", 5, "business_day",
     "after", "five (5) business days after the Closing Date"},
    {"30 days after the date hereof", "", "signing", 30, "day", "after",
     "30 days after the date hereof"},
    {"within 10 days of the Delivery Date", "", "delivery", 10, "day", "after",
     "10 days of the Delivery Date"},
    {"on the third anniversary of the Effective Date", "", "effective", 3, "year", "after",
     "the third anniversary of the Effective Date"},
    {"fifteen (15) days after written notice", "", "notice", 15, "day", "after",
     "fifteen (15) days after written notice"},
    {"within 45 days after the end of the Initial Term", "", "expiry", 45, "day", "after",
     "45 days after the end of the Initial Term"},
    {"within twelve (12) months following the Effective Date", "", "effective", 12, "month",
     "after", "twelve (12) months following the Effective Date"},
    {"payable 45 days after invoice date", "", "invoice", 45, "day", "after",
     "45 days after invoice date"},
    {"within 3 business days of signing", "", "signing", 3, "business_day", "after",
     "3 business days of signing"},
    // Chinese
    {"本合同自本合同签订之日起生效。", "", "signing", 0, "", "after", "自本合同签订之日起", "zh"},
    {"本合同自双方签字盖章之日起生效。签订日期：2026年1月15日", "2026-01-15", "signing", 0, "",
     "after", "自双方签字盖章之日起", "zh"},
    {"甲方应在收到发票后15个工作日内付款。", "", "invoice", 15, "business_day", "after",
     "在收到发票后15个工作日内", "zh"},
    {"合同期满前三十日，乙方可书面通知续租。", "", "expiry", 30, "day", "before", "期满前三十日",
     "zh"},
    {"验收合格之日起十日内付清", "", "acceptance", 10, "day", "after", "验收合格之日起十日内",
     "zh"},
    {"交货后30日内付款", "", "delivery", 30, "day", "after", "交货后30日内", "zh"},
    {"自本合同生效之日起三个月内", "", "effective", 3, "month", "after",
     "自本合同生效之日起三个月内", "zh"},
    {"合同终止后六个月内", "", "termination", 6, "month", "after", "终止后六个月内", "zh"},
    {"自乙方收到货物之日起7日内", "", "delivery", 7, "day", "after", "自乙方收到货物之日起7日内",
     "zh"},
    {"本合同于2026年1月31日签订。乙方应于本合同签订之日起一个月内付款。", "2026-02-28", "signing",
     1, "month", "after", "于本合同签订之日起一个月内", "zh"},
    {"到期前30日通知", "", "expiry", 30, "day", "before", "到期前30日", "zh"},
    {"付款后5个工作日内开具发票", "", "payment", 5, "business_day", "after", "付款后5个工作日内",
     "zh"},
    {"自合同解除之日起", "", "termination", 0, "", "after", "自合同解除之日起", "zh"},
    {"收到书面通知后三日内", "", "notice", 3, "day", "after", "收到书面通知后三日内", "zh"},
    {"租赁期限自2026年7月1日起至2027年6月30日止，期满前一个月通知。", "2027-05-30", "expiry", 1,
     "month", "before", "期满前一个月", "zh"},
};

TEST(ExtractDates, RelativeDates) {
  for (const RelativeCase& c : kRelative) {
    SCOPED_TRACE(c.input);
    std::vector<Fact> relative;
    for (const Fact& f : OfType(Extract(c.input, c.language), FactType::kDate)) {
      if (f.relative) relative.push_back(f);
    }
    ASSERT_EQ(relative.size(), 1u);
    const Fact& f = relative[0];
    EXPECT_FALSE(f.placeholder);
    if (*c.value) {
      ASSERT_TRUE(f.value.has_value());
      EXPECT_EQ(*f.value, c.value);
    } else {
      EXPECT_FALSE(f.value.has_value());
    }
    EXPECT_EQ(f.relative->anchor, c.anchor);
    EXPECT_EQ(f.relative->offset, c.offset);
    EXPECT_EQ(f.relative->unit, c.unit);
    EXPECT_EQ(f.relative->direction, c.direction);
    ExpectSpan(f, c.input, c.span);
  }
}

TEST(ExtractDates, TermGivenAsALengthEndsThatLongAfterItsStart) {
  struct Case {
    const char* input;
    const char* value;
    const char* span;
    const char* language;
  };
  for (const Case& c : std::vector<Case>{
           {"This Agreement is effective as of March 18, 2010 and shall be for a period of five "
            "(5) "
            "years commencing upon the Effective Date.",
            "2015-03-18", "five (5) years", "en"},
           // No start or effective date: the term runs from signing.
           {"Dated February 8, 2007. The term of this Agreement is five (5) years.", "2012-02-08",
            "five (5) years", "en"},
           {"This Agreement shall commence on April 1, 1999 and shall continue for a period of six "
            "(6) months.",
            "1999-10-01", "six (6) months", "en"},
           {"This Agreement is effective as of January 1, 2013 and shall remain valid for 1 year",
            "2014-01-01", "1 year", "en"},
           {"本合同于2026年1月1日签订。租赁期限为三年。", "2029-01-01", "三年", "zh"},
           {"The Term shall continue in full force and effect for an initial period of "
            "twelve (12) months.",
            "", "twelve (12) months", "en"}}) {
    SCOPED_TRACE(c.input);
    std::vector<Fact> relative;
    for (const Fact& f : OfType(Extract(c.input, c.language), FactType::kDate)) {
      if (f.relative) relative.push_back(f);
    }
    ASSERT_EQ(relative.size(), 1u);
    EXPECT_EQ(relative[0].role, "end");
    EXPECT_EQ(relative[0].relative->anchor, "start");
    EXPECT_EQ(relative[0].value.value_or(""), c.value);
    ExpectSpan(relative[0], c.input, c.span);
  }
  // How long an obligation survives, or a length counted from something
  // else, is not the term.
  for (const char* text :
       {"The confidentiality obligations shall remain in effect for three (3) years.",
        "The term of this Agreement shall continue for one (1) year following the Launch Date.",
        "Payment shall be made for twelve (12) months."}) {
    SCOPED_TRACE(text);
    for (const Fact& f : OfType(Extract(text), FactType::kDate)) EXPECT_FALSE(f.relative);
  }
}

TEST(ExtractDates, RelativeDatesKeepTheirDurations) {
  auto facts = Extract("within thirty (30) days after the Effective Date");
  ASSERT_EQ(OfType(facts, FactType::kDuration).size(), 1u);
  EXPECT_EQ(OfType(facts, FactType::kDuration)[0].text, "thirty (30) days");
  // A notice period is not a date: nothing comes after "prior written notice".
  EXPECT_TRUE(
      OfType(Extract("upon thirty (30) days' prior written notice"), FactType::kDate).empty());
}

TEST(ExtractDates, AmbiguousWhenBothReadingsAreDates) {
  auto guess = OfType(Extract("dated 01/02/2026"), FactType::kDate);
  ASSERT_EQ(guess.size(), 1u);
  EXPECT_TRUE(guess[0].ambiguous);
  EXPECT_FALSE(OfType(Extract("dated 13/02/2026"), FactType::kDate)[0].ambiguous);
  EXPECT_FALSE(OfType(Extract("dated 01/01/2026"), FactType::kDate)[0].ambiguous);
  EXPECT_FALSE(OfType(Extract("dated 2026-01-02"), FactType::kDate)[0].ambiguous);
  EXPECT_FALSE(OfType(Extract("dated 1 February 2026"), FactType::kDate)[0].ambiguous);
  // Said, not guessed.
  EXPECT_FALSE(OfType(Extract("dated 01/02/2026", "en", DateOrder::kDayFirst), FactType::kDate)[0]
                   .ambiguous);
  EXPECT_FALSE(OfType(Extract("dated 01/02/2026", "en", DateOrder::kMonthFirst), FactType::kDate)[0]
                   .ambiguous);
}

struct MoneyCase {
  const char* input;
  double value;  // < 0 = placeholder
  const char* currency;
  const char* span;
  const char* language = "en";
};

const MoneyCase kMoney[] = {
    {"a fee of $100,000 payable", 100000, "USD", "$100,000"},
    {"US$5,000.50 in total", 5000.5, "USD", "US$5,000.50"},
    {"USD 1,000 per month", 1000, "USD", "USD 1,000"},
    {"USD 96,000.00 per year", 96000, "USD", "USD 96,000.00"},
    {"£10 each", 10, "GBP", "£10"},
    {"GBP 42,500 per month", 42500, "GBP", "GBP 42,500"},
    {"€2,000 deposit", 2000, "EUR", "€2,000"},
    {"EUR 3,500.75", 3500.75, "EUR", "EUR 3,500.75"},
    {"HK$8,800", 8800, "HKD", "HK$8,800"},
    {"HKD 12,000", 12000, "HKD", "HKD 12,000"},
    {"RMB 100,000", 100000, "CNY", "RMB 100,000"},
    {"CNY 50,000.00", 50000, "CNY", "CNY 50,000.00"},
    {"JPY 1,000,000", 1000000, "JPY", "JPY 1,000,000"},
    {"¥100,000.00", 100000, "CNY", "¥100,000.00", "zh"},
    {"¥5,000円", 5000, "JPY", "¥5,000円"},
    {"SGD 2,500", 2500, "SGD", "SGD 2,500"},
    {"$2.5 million", 2500000, "USD", "$2.5 million"},
    {"USD 3 billion", 3e9, "USD", "USD 3 billion"},
    {"pay 1,500 USD", 1500, "USD", "1,500 USD"},
    {"pay 250 dollars", 250, "USD", "250 dollars"},
    {"pay 1,000 euros", 1000, "EUR", "1,000 euros"},
    {"USD [●]", -1, "USD", "USD [●]"},
    {"fee of $____", -1, "USD", "$____"},
    {"人民币100,000元", 100000, "CNY", "人民币100,000元", "zh"},
    {"人民币4,800.00元", 4800, "CNY", "人民币4,800.00元", "zh"},
    {"100万元", 1000000, "CNY", "100万元", "zh"},
    {"5亿元", 500000000, "CNY", "5亿元", "zh"},
    {"人民币2.5万元", 25000, "CNY", "人民币2.5万元", "zh"},
    {"2.50美元", 2.5, "USD", "2.50美元", "zh"},
    {"人民币壹拾万元整", 100000, "CNY", "人民币壹拾万元整", "zh"},
    {"人民币叁拾捌万陆仟元整", 386000, "CNY", "人民币叁拾捌万陆仟元整", "zh"},
    {"人民币贰拾伍万零玖佰元整", 250900, "CNY", "人民币贰拾伍万零玖佰元整", "zh"},
    {"人民币壹佰元伍角", 100.5, "CNY", "人民币壹佰元伍角", "zh"},
    {"人民币壹仟元伍角陆分", 1000.56, "CNY", "人民币壹仟元伍角陆分", "zh"},
    {"人民币壹亿贰仟万元整", 120000000, "CNY", "人民币壹亿贰仟万元整", "zh"},
    {"美元壹拾贰万伍仟元整", 125000, "USD", "美元壹拾贰万伍仟元整", "zh"},
    {"三万元整", 30000, "CNY", "三万元整", "zh"},
    {"人民币壹拾万元整（¥100,000.00）", 100000, "CNY", "人民币壹拾万元整（¥100,000.00）", "zh"},
    {"人民币伍拾万元整（¥500,000.00）", 500000, "CNY", "人民币伍拾万元整（¥500,000.00）", "zh"},
    {"人民币叁万元整(¥30,000.00)", 30000, "CNY", "人民币叁万元整(¥30,000.00)", "zh"},
    {"人民币壹佰零伍元整", 105, "CNY", "人民币壹佰零伍元整", "zh"},
    // Words and figures, English
    {"a fee of One Hundred Thousand Dollars ($100,000)", 100000, "USD",
     "One Hundred Thousand Dollars ($100,000)"},
    {"a fee of $100,000 (one hundred thousand dollars)", 100000, "USD",
     "$100,000 (one hundred thousand dollars)"},
    {"Two Million Five Hundred Thousand US Dollars (US$2,500,000)", 2500000, "USD",
     "Two Million Five Hundred Thousand US Dollars (US$2,500,000)"},
    {"fifty thousand euros (EUR 50,000)", 50000, "EUR", "fifty thousand euros (EUR 50,000)"},
    {"Ten Thousand Pounds Sterling (£10,000)", 10000, "GBP",
     "Ten Thousand Pounds Sterling (£10,000)"},
    {"USD 1,000 (one thousand US dollars)", 1000, "USD", "USD 1,000 (one thousand US dollars)"},
    {"a deposit of one thousand dollars", 1000, "USD", "one thousand dollars"},
    {"twenty-five thousand Hong Kong dollars (HK$25,000)", 25000, "HKD",
     "twenty-five thousand Hong Kong dollars (HK$25,000)"},
    {"RMB 50,000 (fifty thousand yuan)", 50000, "CNY", "RMB 50,000 (fifty thousand yuan)"},
    {"Five Hundred Dollars and 50/100 ($500.50)", 500.5, "USD",
     "Five Hundred Dollars and 50/100 ($500.50)"},
    {"USD 2.5 million", 2500000, "USD", "USD 2.5 million"},
    {"€1.2 million", 1200000, "EUR", "€1.2 million"},
    {"£500", 500, "GBP", "£500"},
    // Words and figures, Chinese
    {"人民币伍万元整（¥50,000元）", 50000, "CNY", "人民币伍万元整（¥50,000元）", "zh"},
    {"合同总价款为人民币100,000元（大写：壹拾万元整）", 100000, "CNY",
     "人民币100,000元（大写：壹拾万元整）", "zh"},
    {"¥3,000元（叁仟元整）", 3000, "CNY", "¥3,000元（叁仟元整）", "zh"},
    {"人民币捌仟元", 8000, "CNY", "人民币捌仟元", "zh"},
    {"人民币伍佰元伍角", 500.5, "CNY", "人民币伍佰元伍角", "zh"},
    {"港币壹万元整", 10000, "HKD", "港币壹万元整", "zh"},
    {"10,000.00元", 10000, "CNY", "10,000.00元", "zh"},
    {"人民币1亿元", 100000000, "CNY", "人民币1亿元", "zh"},
    {"美元壹仟元整（USD 1,000）", 1000, "USD", "美元壹仟元整（USD 1,000）", "zh"},
};

TEST(ExtractMoney, TableOfCases) {
  for (const MoneyCase& c : kMoney) {
    SCOPED_TRACE(c.input);
    auto amounts = OfType(Extract(c.input, c.language), FactType::kAmount);
    ASSERT_EQ(amounts.size(), 1u);
    const Fact& f = amounts[0];
    if (c.value < 0) {
      EXPECT_TRUE(f.placeholder);
      EXPECT_FALSE(f.number.has_value());
    } else {
      ASSERT_TRUE(f.number.has_value());
      EXPECT_NEAR(*f.number, c.value, 1e-6);
    }
    EXPECT_EQ(f.currency, c.currency);
    ExpectSpan(f, c.input, c.span);
  }
}

TEST(ExtractMoney, WordsAndFiguresThatDisagreeAreOneFactThatSaysSo) {
  auto a = OfType(Extract("人民币壹拾万元整（¥10,000.00）", "zh"), FactType::kAmount);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(*a[0].number, 10000);  // the figures
  ASSERT_TRUE(a[0].words.has_value());
  EXPECT_EQ(*a[0].words, 100000);
  auto b = OfType(Extract("One Hundred Thousand Dollars ($10,000)"), FactType::kAmount);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(*b[0].number, 10000);
  EXPECT_EQ(*b[0].words, 100000);
  EXPECT_EQ(b[0].text, "One Hundred Thousand Dollars ($10,000)");
  // Agreeing twins carry both values; an amount written once has no words.
  auto c = OfType(Extract("人民币壹拾万元整（¥100,000.00）", "zh"), FactType::kAmount);
  EXPECT_EQ(*c[0].words, 100000);
  EXPECT_FALSE(OfType(Extract("$100,000"), FactType::kAmount)[0].words.has_value());
}

TEST(ExtractMoney, WordsInCommaGroupsAndScalesAfterFigures) {
  auto a =
      OfType(Extract("FOURTEEN MILLION, EIGHT HUNDRED SIXTY TWO THOUSAND DOLLARS ($14,862,000)"),
             FactType::kAmount);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(*a[0].number, 14862000);
  ASSERT_TRUE(a[0].words.has_value());
  EXPECT_EQ(*a[0].words, 14862000);
  // "three (3) million dollars": the words after the figures are a scale,
  // not "a million dollars" to compare with $3,000,000.
  auto b = OfType(Extract("three (3) million dollars ($3,000,000)"), FactType::kAmount);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(*b[0].number, 3000000);
  EXPECT_FALSE(b[0].words.has_value());
}

TEST(ExtractMoney, NumbersWithoutCurrencyAreNotMoney) {
  for (const char* text : {"Section 12.3", "250 units", "统一元件", "一元化管理", "第一元素"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(OfType(Extract(text, "zh"), FactType::kAmount).empty());
  }
}

struct DurationCase {
  const char* input;
  double value;
  const char* unit;
  const char* span;
  const char* language = "en";
};

const DurationCase kDurations[] = {
    {"within thirty (30) days of receipt", 30, "day", "thirty (30) days"},
    {"for three (3) years", 3, "year", "three (3) years"},
    {"within 30 business days", 30, "business_day", "30 business days"},
    {"within sixty days", 60, "day", "sixty days"},
    {"two (2) weeks' notice", 2, "week", "two (2) weeks"},
    {"twelve (12) months", 12, "month", "twelve (12) months"},
    {"TWELVE (12) MONTHS", 12, "month", "TWELVE (12) MONTHS"},
    {"forty-five (45) days", 45, "day", "forty-five (45) days"},
    {"ten (10) Business Days", 10, "business_day", "ten (10) Business Days"},
    {"5 working days", 5, "business_day", "5 working days"},
    {"90 calendar days", 90, "day", "90 calendar days"},
    {"one hundred twenty (120) days", 120, "day", "one hundred twenty (120) days"},
    {"one hundred and eighty days", 180, "day", "one hundred and eighty days"},
    {"a 12-month term", 12, "month", "12-month"},
    {"for 2 years", 2, "year", "2 years"},
    {"within 1 day", 1, "day", "1 day"},
    {"thirty (20) days", 20, "day", "thirty (20) days"},  // the figure wins
    {"six months", 6, "month", "six months"},
    {"one year", 1, "year", "one year"},
    {"(30) days", 30, "day", "(30) days"},
    {"seven (7) days", 7, "day", "seven (7) days"},
    {"ninety (90) days' written notice", 90, "day", "ninety (90) days"},
    {"三十日内", 30, "day", "三十日", "zh"},
    {"叁拾天", 30, "day", "叁拾天", "zh"},
    {"期限一年", 1, "year", "一年", "zh"},
    {"12个月", 12, "month", "12个月", "zh"},
    {"六个月内", 6, "month", "六个月", "zh"},
    {"壹拾贰个月", 12, "month", "壹拾贰个月", "zh"},
    {"5个工作日内", 5, "business_day", "5个工作日", "zh"},
    {"十五个工作日", 15, "business_day", "十五个工作日", "zh"},
    {"两周内", 2, "week", "两周", "zh"},
    {"贰年", 2, "year", "贰年", "zh"},
    {"收到发票后30日内", 30, "day", "30日", "zh"},
    {"九十天", 90, "day", "九十天", "zh"},
    {"三个星期", 3, "week", "三个星期", "zh"},
    {"二十四个月", 24, "month", "二十四个月", "zh"},
    {"7天", 7, "day", "7天", "zh"},
    {"一百八十日", 180, "day", "一百八十日", "zh"},
    {"3年", 3, "year", "3年", "zh"},
    {"10个自然日", 10, "day", "10个自然日", "zh"},
    {"sixty (60) calendar days", 60, "day", "sixty (60) calendar days"},
    {"three (3) business days", 3, "business_day", "three (3) business days"},
    {"eighteen (18) months", 18, "month", "eighteen (18) months"},
    {"five (5) years", 5, "year", "five (5) years"},
    {"one (1) week", 1, "week", "one (1) week"},
    {"forty-five days", 45, "day", "forty-five days"},
    {"24 months", 24, "month", "24 months"},
    {"2 weeks", 2, "week", "2 weeks"},
    {"three hundred sixty-five (365) days", 365, "day", "three hundred sixty-five (365) days"},
    {"a period of twelve months", 12, "month", "twelve months"},
    {"thirty (30) Days", 30, "day", "thirty (30) Days"},
    {"三十（30）日", 30, "day", "三十（30）日", "zh"},
    {"十五日内", 15, "day", "十五日", "zh"},
    {"六十天", 60, "day", "六十天", "zh"},
    {"二年", 2, "year", "二年", "zh"},
    {"两年", 2, "year", "两年", "zh"},
    {"叁个月", 3, "month", "叁个月", "zh"},
    {"18个月", 18, "month", "18个月", "zh"},
    {"一周内", 1, "week", "一周", "zh"},
    {"二十个工作日", 20, "business_day", "二十个工作日", "zh"},
    {"贰拾日", 20, "day", "贰拾日", "zh"},
    {"三个工作日", 3, "business_day", "三个工作日", "zh"},
};

TEST(ExtractDurations, TableOfCases) {
  for (const DurationCase& c : kDurations) {
    SCOPED_TRACE(c.input);
    auto d = OfType(Extract(c.input, c.language), FactType::kDuration);
    ASSERT_EQ(d.size(), 1u);
    ASSERT_TRUE(d[0].number.has_value());
    EXPECT_EQ(*d[0].number, c.value);
    EXPECT_EQ(d[0].unit, c.unit);
    ExpectSpan(d[0], c.input, c.span);
  }
}

TEST(ExtractDurations, WordsAndFiguresThatDisagree) {
  auto d = OfType(Extract("within thirty (20) days"), FactType::kDuration);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(*d[0].number, 20);
  ASSERT_TRUE(d[0].words.has_value());
  EXPECT_EQ(*d[0].words, 30);
  auto z = OfType(Extract("三十（20）日内", "zh"), FactType::kDuration);
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(*z[0].number, 20);
  EXPECT_EQ(*z[0].words, 30);
  EXPECT_EQ(*OfType(Extract("thirty (30) days"), FactType::kDuration)[0].words, 30);
  EXPECT_FALSE(OfType(Extract("30 days"), FactType::kDuration)[0].words.has_value());
  EXPECT_FALSE(OfType(Extract("thirty days"), FactType::kDuration)[0].words.has_value());
}

TEST(ExtractDurations, DatesAndDaysOfTheMonthAreNotDurations) {
  for (const char* text : {"2026年1月1日", "每月5日前支付", "每季度首月的5日前支付", "第3年",
                           "the 1st day of January, 2026", "2026年度", "each day", "days"}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(OfType(Extract(text, "zh"), FactType::kDuration).empty());
  }
}

struct PercentCase {
  const char* input;
  double value;
  const char* per;
  const char* span;
  const char* language = "en";
};

const PercentCase kPercents[] = {
    {"a deposit of 30% of the price", 30, "", "30%"},
    {"30 percent of the fees", 30, "", "30 percent"},
    {"12.5 per cent", 12.5, "", "12.5 per cent"},
    {"interest at 1.5% per month", 1.5, "month", "1.5%"},
    {"interest at 8% per annum", 8, "year", "8%"},
    {"0.03% per day", 0.03, "day", "0.03%"},
    {"an annual rate of 6%", 6, "year", "6%"},
    {"百分之三十", 30, "", "百分之三十", "zh"},
    {"千分之五", 0.5, "", "千分之五", "zh"},
    {"万分之五", 0.05, "", "万分之五", "zh"},
    {"按日万分之五支付违约金", 0.05, "day", "日万分之五", "zh"},
    {"每日按合同总价款的万分之五", 0.05, "day", "万分之五", "zh"},
    {"每逾期一日，应按逾期货款的万分之五支付", 0.05, "day", "万分之五", "zh"},
    {"年利率24%", 24, "year", "24%", "zh"},
    {"月利率2%", 2, "month", "2%", "zh"},
    {"年利率为百分之十二", 12, "year", "百分之十二", "zh"},
    {"百分之零点五", 0.5, "", "百分之零点五", "zh"},
    {"不超过合同总价款的10%", 10, "", "10%", "zh"},
    {"百分之十（10%）", 10, "", "百分之十（10%）", "zh"},
    {"30％", 30, "", "30％", "zh"},
    {"按年化利率3.85%", 3.85, "year", "3.85%", "zh"},
    {"ten percent (10%) of the Fees", 10, "", "ten percent (10%)"},
    {"one and one-half percent (1.5%) per month", 1.5, "month", "1.5%"},
    {"interest at five percent (5%) per annum", 5, "year", "five percent (5%)"},
    {"twenty per cent (20%)", 20, "", "twenty per cent (20%)"},
    {"年利率百分之十（10%）", 10, "year", "百分之十（10%）", "zh"},
};

TEST(ExtractPercentages, AnnualRates) {
  struct Case {
    const char* input;
    double annual;  // < 0: none
    const char* language;
  };
  for (const Case& c : std::vector<Case>{{"按日万分之五支付违约金", 18.25, "zh"},
                                         {"interest at 1.5% per month", 18, "en"},
                                         {"年利率24%", 24, "zh"},
                                         {"月利率2%", 24, "zh"},
                                         {"0.03% per day", 10.95, "en"},
                                         {"每逾期一日，应按逾期货款的千分之一支付", 36.5, "zh"},
                                         {"a deposit of 30% of the price", -1, "en"},
                                         {"百分之三十", -1, "zh"}}) {
    SCOPED_TRACE(c.input);
    auto p = OfType(Extract(c.input, c.language), FactType::kPercentage);
    ASSERT_EQ(p.size(), 1u);
    if (c.annual < 0) {
      EXPECT_FALSE(p[0].annual.has_value());
    } else {
      ASSERT_TRUE(p[0].annual.has_value());
      EXPECT_NEAR(*p[0].annual, c.annual, 1e-9);
    }
  }
}

TEST(ExtractPercentages, WordsAndFiguresThatDisagree) {
  auto p = OfType(Extract("ten percent (12%)"), FactType::kPercentage);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(*p[0].number, 12);
  EXPECT_EQ(*p[0].words, 10);
  auto z = OfType(Extract("百分之十（20%）", "zh"), FactType::kPercentage);
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(*z[0].number, 20);
  EXPECT_EQ(*z[0].words, 10);
}

TEST(ExtractPercentages, FractionsOfAPercentAreNotItsWords) {
  for (const char* text :
       {"twenty-five hundredths of one percent (0.25%)", "one half of one percent (0.5%)",
        "three tenths of one percent (0.3%)"}) {
    SCOPED_TRACE(text);
    auto p = OfType(Extract(text), FactType::kPercentage);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_FALSE(p[0].words.has_value());
  }
}

TEST(ExtractPercentages, TableOfCases) {
  for (const PercentCase& c : kPercents) {
    SCOPED_TRACE(c.input);
    auto p = OfType(Extract(c.input, c.language), FactType::kPercentage);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_NEAR(*p[0].number, c.value, 1e-9);
    EXPECT_EQ(p[0].per, c.per);
    ExpectSpan(p[0], c.input, c.span);
  }
}

struct LawCase {
  const char* input;
  const char* value;
  const char* span;
};

const LawCase kLaws[] = {
    {"This Agreement shall be governed by the laws of the State of New York.", "New York",
     "the State of New York"},
    {"governed by and construed in accordance with the laws of England and Wales.",
     "England and Wales", "England and Wales"},
    {"This Agreement is governed by the internal laws of the State of Delaware, without regard",
     "Delaware", "the State of Delaware"},
    {"governed by the laws of the People's Republic of China (excluding Hong Kong)", "PRC",
     "the People's Republic of China"},
    {"governed by the laws of Hong Kong", "Hong Kong", "Hong Kong"},
    {"This Agreement is governed by California law.", "California", "California"},
    {"Governed by the laws of the Commonwealth of Massachusetts", "Massachusetts",
     "the Commonwealth of Massachusetts"},
    {"本合同适用中华人民共和国法律。", "PRC", "中华人民共和国"},
    {"本合同受中国法律管辖。", "PRC", "中国"},
    {"适用香港特别行政区法律", "Hong Kong", "香港特别行政区"},
};

TEST(ExtractGoverningLaw, TableOfCases) {
  for (const LawCase& c : kLaws) {
    SCOPED_TRACE(c.input);
    auto l = OfType(Extract(c.input), FactType::kGoverningLaw);
    ASSERT_EQ(l.size(), 1u);
    EXPECT_EQ(*l[0].value, c.value);
    ExpectSpan(l[0], c.input, c.span);
  }
}

TEST(ExtractGoverningLaw, WordsThatAreNoPlace) {
  for (const char* text : {"This Agreement is governed by the laws of the Territory.",
                           "governed by the laws of such country",
                           "This Agreement shall be governed by the laws of the State."}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(OfType(Extract(text), FactType::kGoverningLaw).empty());
  }
}

TEST(ExtractGoverningLaw, StatutesLawsToComplyWithAndWhatIsNotTheContract) {
  // Named statutes, laws to comply with, and another subject's law are not
  // the contract's governing law.
  for (const char* text :
       {"The foregoing choice of law is no waiver of any right conferred by Article 33 of the "
        "General Business Law of the State of New York.",
        "The Parties agree to amend this Agreement as may be necessary to comply with applicable "
        "laws, including without limitation the laws of the People's Republic of China.",
        "With respect to franchisees governed by Minnesota law, we will comply with Minn. Stat. "
        "§ 80C.14."}) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(OfType(Extract(text), FactType::kGoverningLaw).empty());
  }
  for (const char* text :
       {"THIS AGREEMENT SHALL BE GOVERNED BY THE INTERNAL LAWS OF THE STATE OF NEW YORK.",
        "This Power of Attorney is governed by and construed in accordance with English law.",
        "Any dispute arising out of it shall be governed by the Substantive Laws of the State of "
        "New York."}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(OfType(Extract(text), FactType::kGoverningLaw).size(), 1u);
  }
}

TEST(ExtractForums, ArbitrationInstitutionsSeatsAndRules) {
  auto f = OfType(Extract("Any dispute shall be finally resolved by arbitration under the Rules "
                          "of Arbitration of the International Chamber of Commerce. The seat of "
                          "arbitration shall be London."),
                  FactType::kForum);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].forum_type, "arbitration");
  EXPECT_EQ(*f[0].value, "International Chamber of Commerce");
  EXPECT_EQ(f[0].seat, "London");
  EXPECT_EQ(f[0].rules, "Rules of Arbitration of the International Chamber of Commerce");

  auto z = OfType(Extract("提交上海国际仲裁中心，在上海仲裁。", "zh"), FactType::kForum);
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(*z[0].value, "Shanghai International Arbitration Center");
  EXPECT_EQ(z[0].seat, "上海");
  EXPECT_EQ(z[0].text, "上海国际仲裁中心");

  for (auto [text, name] : std::vector<std::pair<std::string, std::string>>{
           {"提交中国国际经济贸易仲裁委员会仲裁",
            "China International Economic and Trade "
            "Arbitration Commission"},
           {"submitted to CIETAC for arbitration",
            "China International Economic and Trade Arbitration Commission"},
           {"arbitration administered by HKIAC", "Hong Kong International Arbitration Centre"},
           {"arbitration under SIAC rules", "Singapore International Arbitration Centre"},
           {"提交北京仲裁委员会仲裁", "Beijing Arbitration Commission"},
           {"提交深圳国际仲裁院仲裁", "Shenzhen Court of International Arbitration"},
           {"arbitration by the LCIA", "London Court of International Arbitration"},
           {"arbitration administered by JAMS", "JAMS"},
           {"arbitration by the American Arbitration Association",
            "American Arbitration Association"},
           {"向杭州仲裁委员会申请仲裁", "杭州仲裁委员会"}}) {
    SCOPED_TRACE(text);
    auto a = OfType(Extract(text, "zh"), FactType::kForum);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].forum_type, "arbitration");
    EXPECT_EQ(a[0].value.value_or(""), name);
  }
}

TEST(ExtractForums, AnUnnamedCommissionHasNoValue) {
  auto a =
      OfType(Extract("可以向仲裁委员会申请仲裁，也可以向人民法院起诉", "zh"), FactType::kForum);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].forum_type, "arbitration");
  EXPECT_FALSE(a[0].value.has_value());
  EXPECT_EQ(a[1].forum_type, "court");
  EXPECT_EQ(*a[1].value, "人民法院");
}

TEST(ExtractForums, Courts) {
  std::string en =
      "shall be brought exclusively in the state or federal courts located in Cuyahoga County, "
      "Ohio, and each Party consents";
  auto c = OfType(Extract(en), FactType::kForum);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].forum_type, "court");
  EXPECT_EQ(*c[0].value, "courts of Cuyahoga County, Ohio");
  ExpectSpan(c[0], en, "the state or federal courts located in Cuyahoga County, Ohio");
  std::string zh = "任何一方均可向甲方所在地有管辖权的人民法院提起诉讼。";
  auto z = OfType(Extract(zh, "zh"), FactType::kForum);
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(*z[0].value, "甲方所在地有管辖权的人民法院");
  ExpectSpan(z[0], zh, "甲方所在地有管辖权的人民法院");
}

TEST(ExtractParties, EnglishPreamble) {
  std::string text =
      "This Agreement is made by and between Acme Widgets, Inc., a Delaware corporation "
      "(\"Acme\"), and Beta Trading (HK) Limited, a Hong Kong company (the \"Supplier\").";
  auto p = OfType(Extract(text), FactType::kParty);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(*p[0].value, "Acme Widgets, Inc.");
  EXPECT_EQ(p[0].short_name, "Acme");
  EXPECT_EQ(p[0].role, "");
  ExpectSpan(p[0], text, "Acme Widgets, Inc.");
  EXPECT_EQ(*p[1].value, "Beta Trading (HK) Limited");
  EXPECT_EQ(p[1].short_name, "Supplier");
  EXPECT_EQ(p[1].role, "Supplier");
}

TEST(ExtractParties, AmongRecitalsAndShortNamesWithMoreWords) {
  // "by and among"; a short name with more words after it, inside or after
  // its quotation marks; a name defined in the recitals is no party.
  std::string text =
      "This Agreement is entered into by and among eFashion Solutions, LLC, a New Jersey limited "
      "liability company (\"EFS\"), Rio Royal LLC, a Michigan limited liability company (\"Rio "
      "Royal\", and together with EFS, the \"Sellers\") and Playboy.com, Inc., a Delaware "
      "corporation (\"Client,\" which shall include its affiliates). WHEREAS, Client sells "
      "merchandise via mail order catalogs (the \"Catalogs\").";
  auto p = OfType(Extract(text), FactType::kParty);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(*p[0].value, "eFashion Solutions, LLC");
  EXPECT_EQ(p[0].short_name, "EFS");
  EXPECT_EQ(*p[1].value, "Rio Royal LLC");
  EXPECT_EQ(p[1].short_name, "Rio Royal");
  EXPECT_EQ(*p[2].value, "Playboy.com, Inc.");
  EXPECT_EQ(p[2].short_name, "Client");
  ExpectSpan(p[2], text, "Playboy.com, Inc.");
}

TEST(ExtractParties, NumberedPartyAndPlaceholder) {
  auto p = OfType(Extract("(1) CALDERWOOD LOGISTICS LIMITED, a company incorporated in England "
                          "(\"Customer\"); and"),
                  FactType::kParty);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(*p[0].value, "CALDERWOOD LOGISTICS LIMITED");
  EXPECT_EQ(p[0].role, "Customer");
  auto q = OfType(Extract("by and between [Customer Name], having its office at X (\"Customer\")"),
                  FactType::kParty);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].placeholder);
  EXPECT_FALSE(q[0].value.has_value());
  EXPECT_EQ(q[0].short_name, "Customer");
}

TEST(ExtractParties, ChineseLabels) {
  struct Case {
    const char* input;
    const char* value;
    const char* short_name;
    const char* role;
  };
  const Case cases[] = {
      {"甲方（采购方）：上海恒岳精密机械有限公司（以下简称“甲方”）", "上海恒岳精密机械有限公司",
       "甲方", "采购方"},
      {"出租方（甲方）：上海澄衡置业有限公司", "上海澄衡置业有限公司", "甲方", "出租方"},
      {"出借人（以下简称“甲方”）：杭州允泰投资管理有限公司", "杭州允泰投资管理有限公司", "甲方",
       "出借人"},
      {"甲方：上海某某有限公司", "上海某某有限公司", "甲方", "甲方"},
      {"买方：广州沐川家居用品有限公司", "广州沐川家居用品有限公司", "", "买方"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    auto p = OfType(Extract(c.input, "zh"), FactType::kParty);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(*p[0].value, c.value);
    EXPECT_EQ(p[0].short_name, c.short_name);
    EXPECT_EQ(p[0].role, c.role);
    ExpectSpan(p[0], c.input, c.value);
  }
  // A signature line names the party when nothing before did; （盖章） is not
  // its role.
  auto signed_only = OfType(Extract("甲方（盖章）：上海某某有限公司", "zh"), FactType::kParty);
  ASSERT_EQ(signed_only.size(), 1u);
  EXPECT_EQ(*signed_only[0].value, "上海某某有限公司");
  EXPECT_EQ(signed_only[0].short_name, "甲方");
  EXPECT_TRUE(OfType(Extract("甲方（盖章）：__________", "zh"), FactType::kParty).empty());
}

TEST(ExtractFacts, CountsOfTheTables) {
  // The issue asks for broad coverage; keep the tables from shrinking.
  EXPECT_GE(std::size(kDates) + std::size(kRelative), 150u);
  EXPECT_GE(std::size(kMoney), 60u);
  EXPECT_GE(std::size(kDurations), 60u);
  EXPECT_GE(std::size(kPercents), 20u);
}

}  // namespace
}  // namespace clausecheck::analyzer
