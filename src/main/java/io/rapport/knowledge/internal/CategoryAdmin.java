package io.rapport.knowledge.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.rapport.knowledge.internal.Inputs.CategoryInput;
import io.rapport.shared.ConflictException;
import io.rapport.shared.InvalidInputException;
import io.rapport.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories for admins: create, rename (per locale), order, nest (two levels: a category with children stays at
 * the top, a child's parent is a top-level category), delete when empty. And the locales of the knowledge base.
 */
@Service
@Transactional
public class CategoryAdmin {

	static final int MAX_NAME = 200;

	static final int MAX_DESCRIPTION = 1000;

	private final Categories categories;

	private final Articles articles;

	private final KbLocales kbLocales;

	private final Locales locales;

	private final Clock clock;

	CategoryAdmin(Categories categories, Articles articles, KbLocales kbLocales, Locales locales, Clock clock) {
		this.categories = categories;
		this.articles = articles;
		this.kbLocales = kbLocales;
		this.locales = locales;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Category> all() {
		return categories.findAllByOrderByPositionAscIdAsc();
	}

	@Transactional(readOnly = true)
	public Category require(long id) {
		return categories.findById(id).orElseThrow(() -> NotFoundException.of("errors.knowledge.category-not-found", id));
	}

	public Category create(CategoryInput input) {
		String defaultLocale = locales.defaultLocale();
		Map<String, String> names = input.names() == null ? Map.of() : input.names();
		String defaultName = names.get(defaultLocale);
		if (defaultName == null || defaultName.isBlank()) {
			throw InvalidInputException.of("names." + defaultLocale, "errors.knowledge.name", MAX_NAME);
		}
		Category parent = parent(input.parentId(), null);
		String slug = input.slug() != null && !input.slug().isBlank() ? takenCheck(Slugs.require("slug", input.slug()))
				: Slugs.unique(Slugs.of(defaultName), "category", categories::existsBySlug);
		int position = input.position() != null ? input.position()
				: (int) all().stream().filter(c -> sameParent(c, parent)).count();
		Category category = new Category(slug, parent, position, clock.instant());
		names(category, input);
		return categories.save(category);
	}

	public Category change(long id, CategoryInput input) {
		Category category = require(id);
		if (input.version() != null && input.version() != category.getVersion()) {
			throw ConflictException.of("errors.knowledge.category-stale", id);
		}
		if (input.slug() != null && !input.slug().isBlank()) {
			String slug = Slugs.require("slug", input.slug());
			if (!slug.equals(category.getSlug())) {
				category.reslug(takenCheck(slug));
			}
		}
		Category parent = input.parentId() == null ? category.getParent()
				: input.parentId() == 0 ? null : parent(input.parentId(), category);
		category.moveTo(parent, input.position() == null ? category.getPosition() : input.position());
		names(category, input);
		if (category.getNames().get(locales.defaultLocale()) == null) {
			throw InvalidInputException.of("names." + locales.defaultLocale(), "errors.knowledge.name", MAX_NAME);
		}
		return category;
	}

	/** Moves a category one place up or down among its siblings. */
	public void move(long id, int delta) {
		Category category = require(id);
		List<Category> siblings = new java.util.ArrayList<>(all().stream()
			.filter(c -> sameParent(c, category.getParent())).toList());
		int index = siblings.indexOf(category);
		int target = Math.max(0, Math.min(siblings.size() - 1, index + delta));
		siblings.remove(index);
		siblings.add(target, category);
		for (int i = 0; i < siblings.size(); i++) {
			siblings.get(i).moveTo(siblings.get(i).getParent(), i);
		}
	}

	public void delete(long id) {
		Category category = require(id);
		boolean hasChildren = all().stream().anyMatch(c -> category.getId().equals(c.getParentId()));
		if (hasChildren || articles.countInCategory(id) > 0) {
			throw ConflictException.of("errors.knowledge.category-not-empty", category.getSlug());
		}
		categories.delete(category);
	}

	public KbLocale addLocale(String code, String name) {
		String normalized = Locales.normalize(code);
		if (normalized == null || !normalized.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
			throw InvalidInputException.of("code", "errors.knowledge.locale-code");
		}
		if (kbLocales.existsById(normalized)) {
			throw ConflictException.of("errors.knowledge.locale-exists", normalized);
		}
		String label = Texts.require("name", name, MAX_NAME);
		return kbLocales.save(new KbLocale(normalized, label, (int) kbLocales.count()));
	}

	public void enableLocale(String code, boolean enabled) {
		KbLocale locale = kbLocales.findById(code)
			.orElseThrow(() -> NotFoundException.of("errors.knowledge.locale", code));
		if (!enabled && locales.enabled().size() == 1 && locale.isEnabled()) {
			throw ConflictException.of("errors.knowledge.last-locale");
		}
		locale.enable(enabled);
	}

	private String takenCheck(String slug) {
		if (categories.existsBySlug(slug)) {
			throw InvalidInputException.of("slug", "errors.knowledge.category-slug-taken", slug);
		}
		return slug;
	}

	private static boolean sameParent(Category c, Category parent) {
		return parent == null ? c.getParent() == null : parent.getId().equals(c.getParentId());
	}

	/** A parent must be a top-level category other than the category itself, and a category with children stays on top. */
	private Category parent(Long parentId, Category self) {
		if (parentId == null) {
			return null;
		}
		Category parent = categories.findById(parentId)
			.orElseThrow(() -> InvalidInputException.of("parentId", "errors.knowledge.category-not-found", parentId));
		boolean selfHasChildren = self != null && all().stream().anyMatch(c -> self.getId().equals(c.getParentId()));
		if (parent.getParent() != null || parent == self || selfHasChildren) {
			throw InvalidInputException.of("parentId", "errors.knowledge.category-depth");
		}
		return parent;
	}

	private void names(Category category, CategoryInput input) {
		List<String> enabled = locales.enabled();
		if (input.names() != null) {
			input.names().forEach((locale, name) -> {
				if (!enabled.contains(locale)) {
					throw InvalidInputException.of("names." + locale, "errors.knowledge.locale", locale);
				}
				String description = input.descriptions() == null ? null : input.descriptions().get(locale);
				category.name(locale, Texts.optional("names." + locale, name, MAX_NAME),
						Texts.optional("descriptions." + locale, description, MAX_DESCRIPTION));
			});
		}
		if (input.descriptions() != null) {
			input.descriptions().forEach((locale, description) -> {
				if (input.names() == null || !input.names().containsKey(locale)) {
					Category.Name current = category.getNames().get(locale);
					if (current == null) {
						throw InvalidInputException.of("names." + locale, "errors.knowledge.name", MAX_NAME);
					}
					category.name(locale, current.getName(),
							Texts.optional("descriptions." + locale, description, MAX_DESCRIPTION));
				}
			});
		}
	}
}
