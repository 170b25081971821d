package io.rapport.accounts.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountStageChanges extends JpaRepository<AccountStageChangeRow, Long> {

	List<AccountStageChangeRow> findByAccountIdOrderByChangedAtDescIdDesc(long accountId);
}
