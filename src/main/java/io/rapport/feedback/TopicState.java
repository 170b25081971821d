package io.rapport.feedback;

/** Where a topic stands for the product team. Any state may follow any other (a declined idea can be planned). */
public enum TopicState {
	OPEN, PLANNED, SHIPPED, DECLINED
}
