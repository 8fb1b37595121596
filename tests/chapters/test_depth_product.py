"""Chapter 3 says what its product of n factors w σ'(z_k) is: ∂a_n/∂x, the
output's derivative with respect to the input. The gradient reaching the first
layer is chapter 4's δ_1, which has one factor fewer, and the chapter says so."""

import pytest
from tests.chapters.rendered import chapter_markdown



@pytest.fixture(scope="module")
def paragraph():
    markdown = chapter_markdown("03-depth")
    start = markdown.index("In general", markdown.index("## The product through depth"))
    return " ".join(markdown[start:markdown.index("\n\n", start)].split())


@pytest.mark.parametrize("phrase", [
    r"the product of the $n$ factors $w_k \sigma'(z_k)$ is $\partial a_n / \partial x$",
    r"$\delta_k = \partial L / \partial z_k$",
    "⟦ref:ch:04-anchor-network⟧",
    "one factor fewer than $n$",
], ids=["names-the-product", "names-delta", "refers-to-chapter-4", "counts-delta's-factors"])
def test_the_product_is_named_for_what_it_is(paragraph, phrase):
    assert phrase in paragraph, paragraph


def test_the_gradient_reaching_the_first_layer_is_not_called_a_product_of_n_factors(paragraph):
    assert "gradient reaching the first layer is a product of $n$ factors" not in paragraph
