package io.rapport.surveys.nps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NPS from known answers: the category boundaries, an all-passive sample, no answers, and the extremes. */
class NpsScoreTests {

	@Test
	void shouldCountSixAsDetractorSevenAndEightAsPassiveNineAsPromoter() {
		NpsScore score = NpsScore.of(6, 7, 8, 9);

		assertThat(score.detractors()).isEqualTo(1);
		assertThat(score.passives()).isEqualTo(2);
		assertThat(score.promoters()).isEqualTo(1);
		assertThat(score.score()).isZero();
		assertThat(NpsScore.category(6)).isEqualTo("detractor");
		assertThat(NpsScore.category(7)).isEqualTo("passive");
		assertThat(NpsScore.category(8)).isEqualTo("passive");
		assertThat(NpsScore.category(9)).isEqualTo("promoter");
	}

	@Test
	void shouldScoreAnAllPassiveSampleAsZero() {
		NpsScore score = NpsScore.of(7, 8, 8, 7, 7);

		assertThat(score.score()).isZero();
		assertThat(score.passives()).isEqualTo(5);
	}

	@Test
	void shouldSubtractDetractorPercentFromPromoterPercent() {
		// 5 promoters, 3 passives, 2 detractors of 10: 50 % - 20 % = 30
		NpsScore score = NpsScore.of(10, 9, 9, 10, 9, 8, 7, 7, 0, 6);

		assertThat(score.score()).isEqualTo(30);
		assertThat(score.percent(score.promoters())).isEqualTo(50);
		assertThat(score.count(9)).isEqualTo(3);
	}

	@Test
	void shouldRangeFromMinusHundredToHundred() {
		assertThat(NpsScore.of(0, 3, 6).score()).isEqualTo(-100);
		assertThat(NpsScore.of(9, 10).score()).isEqualTo(100);
	}

	@Test
	void shouldHaveNoScoreWithoutAnswers() {
		assertThat(NpsScore.empty().score()).isNull();
		assertThat(NpsScore.empty().barHeight(5, 100)).isZero();
	}
}
