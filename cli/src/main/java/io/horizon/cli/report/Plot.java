package io.horizon.cli.report;

/**
 * One rendered figure of the report.
 *
 * @param file the PNG's file name
 * @param title the figure's heading
 * @param caption what the figure shows, one or two sentences
 * @param png the PNG bytes
 */
public record Plot(String file, String title, String caption, byte[] png) {}
