package io.rapport.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A language articles can be written in; an admin adds more and switches them off and on. */
@Entity
@Table(name = "kb_locales")
public class KbLocale {

	@Id
	private String code;

	private String name;

	private boolean enabled;

	private int position;

	protected KbLocale() {
	}

	KbLocale(String code, String name, int position) {
		this.code = code;
		this.name = name;
		this.enabled = true;
		this.position = position;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public int getPosition() {
		return position;
	}

	void rename(String name) {
		this.name = name;
	}

	void enable(boolean enabled) {
		this.enabled = enabled;
	}
}
