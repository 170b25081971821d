package io.rapport.identity;

import java.util.List;

public record AgentView(long id, String email, String name, Role role, boolean active, List<String> groups) {
}
