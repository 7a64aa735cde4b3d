using System.Collections;

namespace BlackJanuary.Model;

/// <summary>
/// People as a list shows them (the register's lists, an event's people): equal to another list
/// of the same people in the same order, alike in what a list shows of each (<see cref="Person.SameInList"/>).
/// An edit of one person's biography then leaves every list that names them as it was.
/// </summary>
public sealed class PeopleList(IReadOnlyList<Person> people) : IReadOnlyList<Person>, IEquatable<PeopleList>
{
    public static readonly PeopleList None = new([]);

    public Person this[int index] => people[index];

    public int Count => people.Count;

    public IEnumerator<Person> GetEnumerator() => people.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(PeopleList? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < people.Count; i++)
        {
            if (!ReferenceEquals(people[i], other[i]) && !Person.SameInList(people[i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is PeopleList other && Equals(other);

    public override int GetHashCode() => Count;
}
