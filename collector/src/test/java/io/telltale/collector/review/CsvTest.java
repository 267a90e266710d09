package io.telltale.collector.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void line_quotesSeparatorsAndDefusesFormulas() {
    assertThat(Csv.line(List.of("a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "plain")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",plain\r\n");
  }

  @Test
  void parse_roundTripsQuotedFieldsWithLineBreaks_andKeepsStartLines() {
    List<Csv.Row> rows = Csv.parse("a,b\r\n\"x\ny\",z\nlast,\n");
    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4);
    assertThat(rows.get(1).fields()).containsExactly("x\ny", "z");
    assertThat(rows.get(2).fields()).containsExactly("last", "");
  }
}
