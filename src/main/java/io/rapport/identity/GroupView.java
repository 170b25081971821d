package io.rapport.identity;

public record GroupView(long id, String key, String name) {

	public static final String TIER1 = "tier1";

	public static final String TIER2 = "tier2";

	public static final String SALES = "sales";

	/** Customer Success: success managers, who own accounts. */
	public static final String SUCCESS = "success";
}
