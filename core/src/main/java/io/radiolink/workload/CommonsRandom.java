package io.radiolink.workload;


/**
 * Presents one of our streams (a {@code java.util.random.RandomGenerator}) to commons-math3, whose
 * distributions want their own generator interface. Re-seeding is refused: streams are seeded once,
 * by {@code RandomStreams}.
 */
final class CommonsRandom implements org.apache.commons.math3.random.RandomGenerator {

    private final java.util.random.RandomGenerator random;

    private CommonsRandom(java.util.random.RandomGenerator random) {
        this.random = random;
    }

    static org.apache.commons.math3.random.RandomGenerator of(java.util.random.RandomGenerator random) {
        return new CommonsRandom(random);
    }

    @Override
    public void setSeed(int seed) {
        throw new UnsupportedOperationException("radiolink streams are seeded by RandomStreams only");
    }

    @Override
    public void setSeed(int[] seed) {
        throw new UnsupportedOperationException("radiolink streams are seeded by RandomStreams only");
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("radiolink streams are seeded by RandomStreams only");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return random.nextFloat();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
