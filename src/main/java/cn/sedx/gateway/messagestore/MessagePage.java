package cn.sedx.gateway.messagestore;

import java.util.List;

/** One page of a listing and the total count of matches. */
public record MessagePage(List<StoredMessage> items, int page, int size, long total) {}
