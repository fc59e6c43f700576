// Cues (extract_internal.h): one pass over a block's text for every word the
// scanners' gates test.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include "analyzer/extract_internal.h"

namespace clausecheck::analyzer::internal {
namespace {

// The English words are lower case and found in the text folded to lower
// case; the signs and Chinese words have no ASCII letter, so folding leaves
// them as they are.
constexpr std::pair<Cue, std::string_view> kWords[] = {
    {Cue::kQuote, "\""},
    {Cue::kCurlyQuote, "“"},
    {Cue::kCornerQuote, "「"},
    {Cue::kParen, "("},
    {Cue::kBracket, "["},
    {Cue::kUnderscores, "__"},
    {Cue::kSectionSign, "§"},
    {Cue::kPercent, "%"},
    {Cue::kFullwidthPercent, "％"},
    {Cue::kDollarSign, "$"},
    {Cue::kEuroSign, "€"},
    {Cue::kPoundSign, "£"},
    {Cue::kYenSign, "¥"},
    {Cue::kFullwidthYen, "￥"},
    {Cue::kZhYear, "年"},
    {Cue::kZhSinceDay, "之日"},
    {Cue::kZhPeriod, "期"},
    {Cue::kZhYuan, "元"},
    {Cue::kZhRoundYuan, "圆"},
    {Cue::kZhFraction, "分之"},
    {Cue::kZhLaw, "法"},
    {Cue::kZhArbitration, "仲裁"},
    {Cue::kZhCourt, "人民法院"},
    {Cue::kZhCalled, "称"},
    {Cue::kZhOrdinal, "第"},
    {Cue::kZhDay, "日"},
    {Cue::kZhTian, "天"},
    {Cue::kZhWeek, "周"},
    {Cue::kZhXingqi, "星期"},
    {Cue::kZhMonth, "月"},
    {Cue::kZhRenminbi, "人民币"},
    {Cue::kZhHkDollar, "港币"},
    {Cue::kZhPound, "英镑"},
    {Cue::kZhJpYen, "円"},
    {Cue::kZhSign, "签"},
    {Cue::kZhSeal, "盖章"},
    {Cue::kZhEffect, "生效"},
    {Cue::kZhReceive, "收到"},
    {Cue::kZhHandOver, "交付"},
    {Cue::kZhDeliver, "交货"},
    {Cue::kZhArrive, "到货"},
    {Cue::kZhAccept, "验收"},
    {Cue::kZhPay, "付款"},
    {Cue::kZhExpire, "届满"},
    {Cue::kZhDue, "到期"},
    {Cue::kZhTerminate, "终止"},
    {Cue::kZhRescind, "解除"},
    {Cue::kDay, "day"},
    {Cue::kWeek, "week"},
    {Cue::kMonth, "month"},
    {Cue::kYear, "year"},
    {Cue::kDollar, "dollar"},
    {Cue::kEuro, "euro"},
    {Cue::kPound, "pound"},
    {Cue::kYuan, "yuan"},
    {Cue::kRenminbi, "renminbi"},
    {Cue::kYen, "yen"},
    {Cue::kPer, "per"},
    {Cue::kLaw, "law"},
    {Cue::kAnniversary, "anniversary"},
    {Cue::kArbitra, "arbitra"},
    {Cue::kCourt, "court"},
    {Cue::kSection, "section"},
    {Cue::kClause, "clause"},
    {Cue::kArticle, "article"},
    {Cue::kParagraph, "paragraph"},
    {Cue::kJan, "jan"},
    {Cue::kFeb, "feb"},
    {Cue::kMar, "mar"},
    {Cue::kApr, "apr"},
    {Cue::kMay, "may"},
    {Cue::kJun, "jun"},
    {Cue::kJul, "jul"},
    {Cue::kAug, "aug"},
    {Cue::kSep, "sep"},
    {Cue::kOct, "oct"},
    {Cue::kNov, "nov"},
    {Cue::kDec, "dec"},
    {Cue::kUsd, "usd"},
    {Cue::kHkd, "hkd"},
    {Cue::kSgd, "sgd"},
    {Cue::kEur, "eur"},
    {Cue::kGbp, "gbp"},
    {Cue::kJpy, "jpy"},
    {Cue::kCny, "cny"},
    {Cue::kRmb, "rmb"},
    {Cue::kAud, "aud"},
    {Cue::kCad, "cad"},
    {Cue::kChf, "chf"},
};

constexpr bool EveryCueOnceInOrder() {
  if (std::size(kWords) != static_cast<size_t>(Cue::kCount)) return false;
  for (size_t k = 0; k < std::size(kWords); ++k) {
    if (static_cast<size_t>(kWords[k].first) != k || kWords[k].second.empty()) return false;
  }
  return true;
}
static_assert(EveryCueOnceInOrder());

// Where the words of two bytes or more start: a bitmap of their first two bytes (a position whose
// two bytes start no word, most of them, is passed over at once) and the words by their first byte.
struct Tables {
  uint64_t bigrams[65536 / 64] = {};
  uint8_t begin[256] = {};
  uint8_t count[256] = {};
  uint8_t longer[std::size(kWords)] = {};
};

const Tables& WordTables() {
  static const Tables tables = [] {
    Tables t;
    size_t n = 0;
    for (int b = 0; b < 256; ++b) {
      t.begin[b] = static_cast<uint8_t>(n);
      for (size_t k = 0; k < std::size(kWords); ++k) {
        const std::string_view w = kWords[k].second;
        if (static_cast<unsigned char>(w[0]) != b) continue;
        if (w.size() == 1) continue;  // found with memchr
        t.longer[n++] = static_cast<uint8_t>(k);
        const unsigned key = b | static_cast<unsigned char>(w[1]) << 8;
        t.bigrams[key / 64] |= uint64_t{1} << (key % 64);
      }
      t.count[b] = static_cast<uint8_t>(n - t.begin[b]);
    }
    return t;
  }();
  return tables;
}

// Eight bytes at a time: the high bit of each byte of the result is set where
// that byte of `x` is in [lo, hi], both below 0x80 (`x` with its high bits
// cleared; the caller adds the test of the high bit).
constexpr uint64_t kOnes = 0x0101010101010101;
constexpr uint64_t kHigh = 0x8080808080808080;
constexpr uint64_t InRange(uint64_t low7, unsigned lo, unsigned hi) {
  return (low7 + (0x80 - lo) * kOnes) & ~(low7 + (0x7F - hi) * kOnes) & kHigh;
}

uint64_t Load(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Where the bytes of `x` are ASCII digits, as high bits.
uint64_t Digits(uint64_t x) { return InRange(x & ~kHigh, '0', '9') & ~x; }

}  // namespace

Cues::Cues(std::string_view text) : text_(text) {
  const size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // The text folded as RE2's (?i) folds onto ASCII letters: ASCII upper case
  // to lower case (and below, KELVIN SIGN and LONG S); with it, whether there
  // is a digit and a Han lead byte (0xE4..0xE9).
  std::string folded(n, '\0');
  uint64_t digit = 0, han = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t x = Load(bytes + i);
    const uint64_t low7 = x & ~kHigh;
    const uint64_t x_folded = x | ((InRange(low7, 'A', 'Z') & ~x) >> 2);  // 0x80 >> 2 = 0x20
    std::memcpy(folded.data() + i, &x_folded, 8);
    digit |= Digits(x);
    han |= InRange(low7, 0xE4 - 0x80, 0xE9 - 0x80) & x;
  }
  for (; i < n; ++i) {
    const unsigned char c = bytes[i];
    folded[i] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
    digit |= static_cast<unsigned char>(c - '0') < 10;
    han |= static_cast<unsigned char>(c - 0xE4) < 6;
  }
  digit_ = digit != 0;
  han_ = han != 0;
  // Four digits in a row: each run of four lies within one of the eight-byte
  // windows at i and i + 4.
  for (i = 0; digit_ && !digits4_ && i < n; i += 4) {
    if (i + 8 <= n) {
      const uint64_t d = Digits(Load(bytes + i));
      digits4_ = (d & (d >> 8) & (d >> 16) & (d >> 24)) != 0;
    } else {
      for (size_t k = i, run = 0; k < n && !digits4_; ++k) {
        run = static_cast<unsigned char>(bytes[k] - '0') < 10 ? run + 1 : 0;
        digits4_ = run >= 4;
      }
    }
  }
  // KELVIN SIGN (U+212A) and LONG S (U+017F), the only characters outside
  // ASCII that (?i) folds onto ASCII letters, fold to k and s.
  if (text.find("\u212A") != std::string_view::npos ||
      text.find("\u017F") != std::string_view::npos) {
    size_t m = 0;
    for (size_t k = 0; k < n; ++k) {
      if (text.substr(k, 3) == "\u212A") {
        folded[m++] = 'k';
        k += 2;
      } else if (text.substr(k, 2) == "\u017F") {
        folded[m++] = 's';
        k += 1;
      } else {
        folded[m++] = folded[k];
      }
    }
    folded.resize(m);
  }
  const Tables& t = WordTables();
  for (const auto& [cue, word] : kWords) {
    if (word.size() == 1 && std::memchr(bytes, word[0], n)) found_[static_cast<size_t>(cue)] = true;
  }
  const auto* f = reinterpret_cast<const unsigned char*>(folded.data());
  const size_t m = folded.size();
  for (i = 0; i + 1 < m; ++i) {
    const unsigned key = f[i] | f[i + 1] << 8;
    if (!((t.bigrams[key / 64] >> (key % 64)) & 1)) continue;
    for (int e = t.begin[f[i]], end = e + t.count[f[i]]; e < end; ++e) {
      const int k = t.longer[e];
      const std::string_view w = kWords[k].second;
      if (!found_[k] && w.size() <= m - i && f[i + 1] == static_cast<unsigned char>(w[1]) &&
          std::memcmp(f + i + 2, w.data() + 2, w.size() - 2) == 0) {
        found_[k] = true;
      }
    }
  }
}

}  // namespace clausecheck::analyzer::internal
