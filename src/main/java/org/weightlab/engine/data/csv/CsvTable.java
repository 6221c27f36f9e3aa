package org.weightlab.engine.data.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read as text cells: column names and rows, each row remembering its line in the
 * file. The first line is a header when one of its cells is not a number; without one the
 * columns are named "column 1", "column 2", .... A first line of the form
 * {@code count, features, class names...} (scikit-learn's packaging, e.g. wine_data.csv) is read
 * as such: the rows then have {@code features + 1} values and the names are the last column's
 * classes. Cells are separated by commas (semicolons or tabs when the first line has no comma);
 * a cell in double quotes may hold the separator, and "" stands for one quote.
 *
 * @param columns      one name per column
 * @param rows         the cells of each data row
 * @param lines        the line number (from 1) of each data row
 * @param classNames   class names the file's first line gives for the last column (index = class), or empty
 */
public record CsvTable(List<String> columns, List<List<String>> rows, List<Integer> lines, List<String> classNames) {

    public CsvTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        lines = List.copyOf(lines);
        classNames = List.copyOf(classNames);
    }

    /** Most rows read (a larger file is refused). */
    public static final int MAX_ROWS = 100_000;

    public int size() {
        return rows.size();
    }

    /** The cell of row {@code r}, column {@code c}. */
    public String cell(int r, int c) {
        return rows.get(r).get(c);
    }

    /** Reads {@code text}; a problem is a {@link CsvException} naming the line and column. */
    public static CsvTable parse(String text) throws CsvException {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<List<String>> cells = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        char separator = 0;
        for (int i = 0; i < raw.length; i++) {
            String line = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
            if (line.isBlank()) {
                continue;
            }
            if (separator == 0) {
                separator = line.indexOf(',') >= 0 ? ',' : line.indexOf(';') >= 0 ? ';'
                        : line.indexOf('\t') >= 0 ? '\t' : ',';
            }
            cells.add(split(line, separator, i + 1));
            lineNumbers.add(i + 1);
        }
        if (cells.isEmpty()) {
            throw new CsvException("the file is empty");
        }
        List<String> first = cells.get(0);
        List<String> classNames = List.of();
        List<String> names;
        int start;
        if (isSklearnHeader(first, cells)) {
            int features = Integer.parseInt(first.get(1).strip());
            classNames = first.subList(2, first.size()).stream().map(String::strip).toList();
            names = new ArrayList<>();
            for (int c = 0; c < features; c++) {
                names.add("column " + (c + 1));
            }
            names.add("class");
            start = 1;
        } else if (first.stream().anyMatch(s -> !isNumber(s))) {
            names = first.stream().map(String::strip).toList();
            start = 1;
        } else {
            names = new ArrayList<>();
            for (int c = 0; c < first.size(); c++) {
                names.add("column " + (c + 1));
            }
            start = 0;
        }
        if (cells.size() == start) {
            throw new CsvException("line " + lineNumbers.get(0) + ": the file has a header but no data rows");
        }
        if (cells.size() - start > MAX_ROWS) {
            throw new CsvException("the file has " + (cells.size() - start) + " rows; at most " + MAX_ROWS
                    + " can be imported");
        }
        for (int r = start; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            if (row.size() != names.size()) {
                int column = Math.min(row.size(), names.size()) + 1;
                throw new CsvException("line " + lineNumbers.get(r) + ", column " + column + ": the row has "
                        + row.size() + " values, the " + (start == 1 ? "header has " : "first row has ")
                        + names.size());
            }
        }
        return new CsvTable(names, cells.subList(start, cells.size()), lineNumbers.subList(start, cells.size()),
                classNames);
    }

    /** "count, features, names..." with count rows of features + 1 values after it. */
    private static boolean isSklearnHeader(List<String> first, List<List<String>> cells) {
        if (first.size() < 3 || !isWhole(first.get(0)) || !isWhole(first.get(1))) {
            return false;
        }
        long count = Long.parseLong(first.get(0).strip());
        long features = Long.parseLong(first.get(1).strip());
        return count == cells.size() - 1 && cells.size() > 1 && cells.get(1).size() == features + 1;
    }

    private static boolean isWhole(String s) {
        return s.strip().matches("\\d{1,9}");
    }

    /** Whether {@code s} reads as a finite number. */
    public static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> split(String line, char separator, int lineNumber) throws CsvException {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (ch == separator) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new CsvException("line " + lineNumber + ", column " + (out.size() + 1) + ": a quote is not closed");
        }
        out.add(cell.toString());
        return out;
    }
}
