package dev.hasnctl.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resource's properties: an unmodifiable map sorted by name, kept in two arrays. A cluster of
 * 65,536 nodes has half a million resources, desired and observed, most with one to six properties;
 * a {@link TreeMap} and its unmodifiable view cost three times the memory. Equal to, and printed
 * like, any other map of the same entries. A {@link SortedMap}, as {@link Resource#properties()}
 * always was.
 */
@SuppressWarnings("JdkObsolete")
final class PropertyMap extends AbstractMap<String, String> implements SortedMap<String, String> {
  private static final PropertyMap EMPTY = new PropertyMap(new String[0], new String[0]);
  private static final int MAX_SHARED = 4096;
  private static final Map<Names, String[]> SHARED = new ConcurrentHashMap<>();

  private final String[] names;
  private final String[] values;

  private PropertyMap(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** The entries of {@code properties}, sorted by name; a {@code PropertyMap} is kept as it is. */
  static PropertyMap of(Map<String, String> properties) {
    if (properties instanceof PropertyMap same) {
      return same;
    }
    if (properties.isEmpty()) {
      return EMPTY;
    }
    SortedMap<String, String> sorted =
        properties instanceof SortedMap<String, String> s && s.comparator() == null
            ? s
            : new TreeMap<>(properties);
    String[] names = new String[sorted.size()];
    String[] values = new String[sorted.size()];
    int i = 0;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      names[i] = e.getKey();
      values[i] = e.getValue();
      i++;
    }
    return new PropertyMap(shared(names), values);
  }

  /**
   * One array for each set of names: resources of a kind mostly have the same properties, and at
   * 65,536 nodes a million maps would otherwise hold a million copies of a few dozen arrays. The
   * arrays are never changed. Past {@value #MAX_SHARED} sets of names, new ones are not shared.
   */
  private static String[] shared(String[] names) {
    String[] known = SHARED.get(new Names(names));
    if (known != null) {
      return known;
    }
    if (SHARED.size() < MAX_SHARED) {
      SHARED.putIfAbsent(new Names(names), names);
    }
    return names;
  }

  /** Names compared by content, as a map's key. */
  private static final class Names {
    private final String[] names;

    Names(String[] names) {
      this.names = names;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Names n && Arrays.equals(names, n.names);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(names);
    }
  }

  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (other instanceof PropertyMap map) {
      return Arrays.equals(names, map.names) && Arrays.equals(values, map.values);
    }
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  private int indexOf(Object name) {
    return name instanceof String s ? Arrays.binarySearch(names, s) : -1;
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public String get(Object name) {
    int i = indexOf(name);
    return i >= 0 ? values[i] : null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, String> e = new SimpleImmutableEntry<>(names[next], values[next]);
            next++;
            return e;
          }
        };
      }
    };
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }

  @Override
  public String firstKey() {
    if (names.length == 0) {
      throw new NoSuchElementException();
    }
    return names[0];
  }

  @Override
  public String lastKey() {
    if (names.length == 0) {
      throw new NoSuchElementException();
    }
    return names[names.length - 1];
  }
}
