package org.weightlab.engine.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightlab.engine.config.InlineData;
import org.weightlab.engine.config.ProblemKind;

class CsvImportTest {

    static String resource(String name) throws IOException {
        try (InputStream in = CsvImportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void irisImportsWithItsHeaderAndThreeNamedClasses() throws Exception {
        CsvTable t = CsvTable.parse(resource("iris.csv"));
        assertEquals(List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "species"),
                t.columns());
        assertEquals(150, t.size());
        CsvImport.Choice c = CsvImport.guess(t);
        assertEquals(List.of(0, 1, 2, 3), c.inputs());
        assertEquals(4, c.target());
        assertEquals(ProblemKind.CLASSIFICATION, c.problem());
        InlineData d = CsvImport.build(t, c);
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classes());
        assertEquals(150, d.size());
        assertEquals(4, d.dims());
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, new double[] {d.value(0, 0), d.value(0, 1),
            d.value(0, 2), d.value(0, 3)});
        int[] counts = new int[3];
        for (int i = 0; i < d.size(); i++) {
            counts[(int) d.label(i)]++;
        }
        assertArrayEquals(new int[] {50, 50, 50}, counts);
        assertTrue(d.standardize());
    }

    @Test
    void wineReadsItsCountFeaturesAndClassNamesLine() throws Exception {
        CsvTable t = CsvTable.parse(resource("wine_data.csv"));
        assertEquals(178, t.size());
        assertEquals(14, t.columns().size());
        assertEquals(List.of("class_0", "class_1", "class_2"), t.classNames());
        assertEquals(2, t.lines().get(0), "the first data row is line 2");
        InlineData d = CsvImport.build(t, CsvImport.guess(t));
        assertEquals(13, d.dims());
        assertEquals(List.of("class_0", "class_1", "class_2"), d.classes());
        assertEquals(14.23, d.value(0, 0));
        assertEquals(0.0, d.label(0));
        assertEquals(2.0, d.label(177));
    }

    @Test
    void twoChosenColumnsAndTwoClassesGiveMinusOnePlusOne() throws Exception {
        CsvTable t = CsvTable.parse("a,b,c,kind\n1,2,3,cat\n4,5,6,dog\n7,8,9,cat\n");
        InlineData d = CsvImport.build(t, new CsvImport.Choice(List.of(2, 0), 3, ProblemKind.CLASSIFICATION));
        assertEquals(List.of("c", "a"), d.columns());
        assertEquals(List.of("cat", "dog"), d.classes());
        assertArrayEquals(new double[] {-1, 1, -1}, d.labels());
        assertArrayEquals(new double[] {3, 1, 6, 4, 9, 7}, d.rows());
    }

    @Test
    void aNumberTargetCanBeRegressionAndAHeaderlessFileNamesItsColumns() throws Exception {
        CsvTable t = CsvTable.parse("1;2.5\n2;4.75\n3;7.0\n");
        assertEquals(List.of("column 1", "column 2"), t.columns());
        assertEquals(ProblemKind.REGRESSION, CsvImport.guess(t).problem());
        InlineData d = CsvImport.build(t, CsvImport.guess(t));
        assertEquals(ProblemKind.REGRESSION, d.problem());
        assertArrayEquals(new double[] {2.5, 4.75, 7.0}, d.labels());
    }

    @Test
    void badFilesAreRefusedWithLineAndColumn() {
        assertEquals("the file is empty", assertThrows(CsvException.class, () -> CsvTable.parse("\n \n")).getMessage());
        assertEquals("line 3, column 3: the row has 2 values, the header has 3",
                assertThrows(CsvException.class, () -> CsvTable.parse("a,b,c\n1,2,3\n4,5\n")).getMessage());
        assertEquals("line 2, column 4: the row has 4 values, the header has 3",
                assertThrows(CsvException.class, () -> CsvTable.parse("a,b,c\n1,2,3,4\n")).getMessage());
        CsvException text = assertThrows(CsvException.class, () -> {
            CsvTable t = CsvTable.parse("x,y,label\n1,2,a\n3,oops,b\n");
            CsvImport.build(t, CsvImport.guess(t));
        });
        assertEquals("line 3, column 2 (y): \"oops\" is not a number", text.getMessage());
        CsvException one = assertThrows(CsvException.class, () -> {
            CsvTable t = CsvTable.parse("x,label\n1,a\n3,a\n");
            CsvImport.build(t, CsvImport.guess(t));
        });
        assertEquals("column 2 (label) has only one class (a): a classifier needs at least two", one.getMessage());
        CsvException empty = assertThrows(CsvException.class, () -> {
            CsvTable t = CsvTable.parse("x,label\n1,a\n,b\n");
            CsvImport.build(t, CsvImport.guess(t));
        });
        assertEquals("line 3, column 1 (x): the value is empty", empty.getMessage());
        assertThrows(CsvException.class, () -> CsvTable.parse("a,b\n"), "a header and no rows");
        assertEquals("line 2, column 2: a quote is not closed",
                assertThrows(CsvException.class, () -> CsvTable.parse("a,b\n1,\"x\n")).getMessage());
    }

    @Test
    void quotedCellsMayHoldTheSeparator() throws Exception {
        CsvTable t = CsvTable.parse("\"w, cm\",name\n1.5,\"a \"\"big\"\" one\"\n2,b\n");
        assertEquals(List.of("w, cm", "name"), t.columns());
        assertEquals("a \"big\" one", t.cell(0, 1));
    }
}
