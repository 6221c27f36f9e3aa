package org.weightlab.engine.data.csv;

/** A CSV file that cannot be imported; the message names the line and column ("line 4, column 2: ..."). */
public final class CsvException extends Exception {

    private static final long serialVersionUID = 1L;

    public CsvException(String message) {
        super(message);
    }
}
