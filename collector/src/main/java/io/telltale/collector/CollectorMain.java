package io.telltale.collector;
public final class CollectorMain { public static void main(String[] args) {} }
