using System.Globalization;
using System.Text;

namespace BlackJanuary.Scaffolding;

/// <summary>
/// The files of a new site ('init'). Every text tells the editor what to write there; none states
/// a fact, a name or a date of any event, since a memorial shows only what a source gives.
/// Azerbaijani, English and Russian have their own text; any other language gets the English
/// text and the theme's English words, to translate.
/// </summary>
internal static class SiteStarter
{
    /// <summary>A language of the new site: its code, name, culture, and the text its pages start with.</summary>
    public sealed record Language(string Code, string Name, string Culture, Text Text, bool OwnWords);

    /// <summary>The starter text of one language. {file} stands for the page's own file.</summary>
    public sealed record Text(
        string Title, string Home, string HomeSummary, string HomeBody,
        string About, string AboutSummary, string AboutBody,
        string Sources, string SourcesSummary, string SourcesBody,
        string Timeline, string TimelineSummary, string TimelineBody);

    private static readonly Text English = new(
        Title: "Memorial",
        Home: "Home",
        HomeSummary: "Replace this with one sentence: whom this site remembers, and why.",
        HomeBody: """
            This is the home page of a new memorial site. Replace this text with a short account, in
            your own words, of the people this site remembers and of what happened to them.

            Write only what a source says, and say which source: a reader should be able to check
            every fact on the site. Add each source to the [sources](sources.md) page, and each
            event to the [timeline](timeline.md). The [about](about.md) page says who made the site
            and how to reach them.

            This page is the file `{file}`. Run `blackjanuary serve` to see the site change as you
            write.
            """,
        About: "About",
        AboutSummary: "Who made this site and why, and how to suggest a correction.",
        AboutBody: """
            ## Who made this site {#who-made-this-site}

            Write here who made this memorial, for whom and why.

            ## Corrections {#corrections}

            Write here how readers can suggest a correction or send a source, for example an email
            address.

            ## How it is made {#how-it-is-made}

            The site is built with BlackJanuary, a static site generator. It sets no cookies, does
            not track its visitors and loads nothing from other websites.
            """,
        Sources: "Sources",
        SourcesSummary: "The sources of every fact on this site.",
        SourcesBody: """
            List here every source this site relies on: its title, its author or publisher, its
            date, and where it can be found. Say what the site takes from each one.

            Each event of the timeline names its own sources in the file `content/timeline.yaml`.
            """,
        Timeline: "Timeline",
        TimelineSummary: "The events in the order in which they happened, each with its source.",
        TimelineBody: """
            The events below come from the file `content/timeline.yaml`. Add each event there with
            its date, written only as precisely as its source gives it, and with the source it comes
            from.
            """);

    private static readonly Text Azerbaijani = new(
        Title: "Xatirə",
        Home: "Ana səhifə",
        HomeSummary: "Bunu bir cümlə ilə əvəz edin: bu sayt kimin xatirəsinə həsr olunub və nə üçün.",
        HomeBody: """
            Bu, yeni xatirə saytının ana səhifəsidir. Bu mətni öz sözlərinizlə yazılmış qısa bir
            təsvirlə əvəz edin: sayt kimlərin xatirəsinə həsr olunub və onların başına nə gəlib.

            Yalnız mənbədə deyilənləri yazın və hansı mənbə olduğunu göstərin: oxucu saytdakı hər bir
            faktı özü yoxlaya bilməlidir. Hər mənbəni [mənbələr](sources.md) səhifəsinə, hər hadisəni
            isə [xronologiyaya](timeline.md) əlavə edin. [Sayt haqqında](about.md) səhifəsində saytı
            kimin hazırladığını və onunla necə əlaqə saxlamaq olacağını yazın.

            Bu səhifə `{file}` faylındadır. Yazdıqca saytın necə dəyişdiyini görmək üçün
            `blackjanuary serve` əmrini işə salın.
            """,
        About: "Sayt haqqında",
        AboutSummary: "Bu saytı kim və nə üçün hazırlayıb, düzəlişi necə təklif etmək olar.",
        AboutBody: """
            ## Saytı kim hazırlayıb {#who-made-this-site}

            Burada bu xatirə saytını kimin, kimin üçün və nə üçün hazırladığını yazın.

            ## Düzəlişlər {#corrections}

            Burada oxucuların düzəlişi necə təklif edə və ya mənbə göndərə biləcəyini yazın, məsələn,
            e-poçt ünvanını göstərin.

            ## Sayt necə hazırlanıb {#how-it-is-made}

            Sayt statik sayt generatoru olan BlackJanuary ilə yaradılır. O, kuki faylları saxlamır,
            ziyarətçiləri izləmir və başqa saytlardan heç nə yükləmir.
            """,
        Sources: "Mənbələr",
        SourcesSummary: "Bu saytdakı hər bir faktın mənbələri.",
        SourcesBody: """
            Saytın istinad etdiyi hər mənbəni burada sadalayın: adını, müəllifini və ya naşirini,
            tarixini və onu harada tapmaq olar. Saytın hər mənbədən nə götürdüyünü də yazın.

            Xronologiyadakı hər hadisə öz mənbələrini `content/timeline.yaml` faylında göstərir.
            """,
        Timeline: "Xronologiya",
        TimelineSummary: "Hadisələr baş verdikləri ardıcıllıqla, hər biri öz mənbəyi ilə.",
        TimelineBody: """
            Aşağıdakı hadisələr `content/timeline.yaml` faylından götürülür. Hər hadisəni ora
            tarixi ilə (yalnız mənbənin verdiyi dəqiqliklə) və götürüldüyü mənbə ilə birlikdə əlavə
            edin.
            """);

    private static readonly Text Russian = new(
        Title: "Память",
        Home: "Главная",
        HomeSummary: "Замените это одним предложением: кому посвящён этот сайт и зачем он создан.",
        HomeBody: """
            Это главная страница нового мемориального сайта. Замените этот текст кратким рассказом
            своими словами о людях, которым посвящён сайт, и о том, что с ними произошло.

            Пишите только то, что сообщает источник, и указывайте, какой именно: читатель должен
            иметь возможность проверить каждый факт на сайте. Добавьте каждый источник на страницу
            [источников](sources.md), а каждое событие — в [хронологию](timeline.md). На странице
            [о сайте](about.md) напишите, кто сделал сайт и как с вами связаться.

            Эта страница — файл `{file}`. Запустите `blackjanuary serve`, чтобы видеть, как
            меняется сайт, пока вы пишете.
            """,
        About: "О сайте",
        AboutSummary: "Кто и зачем сделал этот сайт и как предложить исправление.",
        AboutBody: """
            ## Кто сделал этот сайт {#who-made-this-site}

            Напишите здесь, кто сделал этот мемориальный сайт, для кого и зачем.

            ## Исправления {#corrections}

            Напишите здесь, как читатели могут предложить исправление или прислать источник,
            например укажите адрес электронной почты.

            ## Как сделан сайт {#how-it-is-made}

            Сайт создаётся генератором статических сайтов BlackJanuary. Он не сохраняет cookie, не
            отслеживает посетителей и ничего не загружает с других сайтов.
            """,
        Sources: "Источники",
        SourcesSummary: "Источники каждого факта на этом сайте.",
        SourcesBody: """
            Перечислите здесь каждый источник, на который опирается сайт: название, автора или
            издателя, дату и где его можно найти. Напишите, что сайт берёт из каждого из них.

            Каждое событие хронологии называет свои источники в файле `content/timeline.yaml`.
            """,
        Timeline: "Хронология",
        TimelineSummary: "События в том порядке, в каком они происходили, каждое со своим источником.",
        TimelineBody: """
            События ниже берутся из файла `content/timeline.yaml`. Добавляйте туда каждое событие
            с датой (лишь с той точностью, какую даёт источник) и с источником, из которого оно
            взято.
            """);

    /// <summary>The language of a code, or null when .NET knows no culture for it.</summary>
    public static Language? Find(string code)
    {
        switch (code)
        {
            case "az":
                return new Language(code, "Azərbaycanca", "az-Latn-AZ", Azerbaijani, OwnWords: true);
            case "en":
                return new Language(code, "English", "en-GB", English, OwnWords: true);
            case "ru":
                return new Language(code, "Русский", "ru-RU", Russian, OwnWords: true);
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            var name = culture.NativeName;
            return new Language(code, char.ToUpper(name[0], culture) + name[1..], culture.Name, English, OwnWords: false);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    public static IReadOnlyList<(string Path, byte[] Bytes)> Files(string? title, IReadOnlyList<Language> languages, string baseUrl, string version)
    {
        var files = new List<(string, string)>
        {
            ("content/site.yaml", SiteYaml(title, languages, baseUrl)),
            ("content/timeline.yaml", TimelineYaml(languages)),
        };
        foreach (var language in languages)
        {
            // One language needs no code in file names; with several, each file says its own.
            var suffix = languages.Count > 1 ? "." + language.Code : "";
            var t = language.Text;
            var home = $"content/pages/index{suffix}.md";
            files.Add((home, Page(title ?? t.Title, t.HomeSummary, 1, t.HomeBody.Replace("{file}", home, StringComparison.Ordinal), layout: "home", navTitle: t.Home)));
            files.Add(($"content/pages/timeline{suffix}.md", Page(t.Timeline, t.TimelineSummary, 2, t.TimelineBody, layout: "timeline")));
            files.Add(($"content/pages/sources{suffix}.md", Page(t.Sources, t.SourcesSummary, 3, t.SourcesBody)));
            files.Add(($"content/pages/about{suffix}.md", Page(t.About, t.AboutSummary, 4, t.AboutBody)));
            if (!language.OwnWords)
            {
                files.Add(($"content/templates/i18n/{language.Code}.yaml", Words(language)));
            }
        }

        // Git keeps no empty folder; the build copies no hidden file.
        files.Add(("content/media/.gitkeep", ""));
        files.Add((".gitignore", "# What 'blackjanuary build' writes, and its staging folder while it runs.\n/_site/\n.*.staging-*/\n# Images resized by earlier builds, kept to make the next build quick.\n/.blackjanuary/\n"));
        files.Add((".github/workflows/pages.yml", Workflow(version)));
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return files.Select(f => (f.Item1, utf8.GetBytes(f.Item2))).ToList();
    }

    private static string SiteYaml(string? title, IReadOnlyList<Language> languages, string baseUrl)
    {
        var yaml = new StringBuilder();
        yaml.Append("# The site's settings (docs/content.md of BlackJanuary lists them all).\n");
        yaml.Append("title: ").Append(NewContent.YamlScalar(title ?? languages[0].Text.Title)).Append('\n');
        yaml.Append("# Optional: one line under the title, and the description search engines show.\n");
        yaml.Append("# tagline: …\n# description: …\n");
        yaml.Append("# The address where the site will be published; the GitHub Pages workflow gives its own.\n");
        yaml.Append("base_url: ").Append(NewContent.YamlScalar(baseUrl)).Append('\n');
        yaml.Append("# The default language, at the root of the site; the others are under /<code>/.\n");
        yaml.Append("language: ").Append(languages[0].Code).Append('\n');
        yaml.Append("languages:\n");
        foreach (var language in languages)
        {
            yaml.Append("  ").Append(language.Code).Append(":\n");
            yaml.Append("    name: ").Append(NewContent.YamlScalar(language.Name)).Append('\n');
            yaml.Append("    culture: ").Append(language.Culture).Append('\n');
            if (title is null)
            {
                yaml.Append("    title: ").Append(NewContent.YamlScalar(language.Text.Title)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    private static string TimelineYaml(IReadOnlyList<Language> languages)
    {
        var several = languages.Count > 1;
        var text = new StringBuilder("""
            # The timeline: one item per event. The timeline page shows them in the order of their dates.
            # To add an event, run 'blackjanuary new event --date … --title …', or copy the example
            # below, remove the '# ' at the start of its lines and write what your source gives.
            # A date is only as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. An event whose
            # source gives no date has a date_note instead, saying so. Every event names its source.

            """);
        text.Append("# - date: YYYY-MM-DD\n");
        if (several)
        {
            text.Append("#   # title, place and body may be given in each language of the site:\n");
            text.Append("#   title:\n");
            foreach (var language in languages)
            {
                text.Append("#     ").Append(language.Code).Append(": What happened, in a few words\n");
            }
        }
        else
        {
            text.Append("#   title: What happened, in a few words\n");
        }

        text.Append("""
            #   place: Where it happened
            #   body: What the source says happened, in your own words.
            #   sources:
            #     - title: The title of the source
            #       publisher: Who published it
            #       date: YYYY-MM
            #       url: https://example.org/the-source

            """);
        return text.ToString();
    }

    private static string Page(string title, string summary, int weight, string body, string? layout = null, string? navTitle = null)
    {
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(NewContent.YamlScalar(title)).Append('\n');
        if (layout is not null)
        {
            text.Append("layout: ").Append(layout).Append('\n');
        }

        if (navTitle is not null)
        {
            text.Append("nav_title: ").Append(NewContent.YamlScalar(navTitle)).Append('\n');
        }

        text.Append("weight: ").Append(weight.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("summary: ").Append(NewContent.YamlScalar(summary)).Append('\n');
        text.Append("---\n\n").Append(body.ReplaceLineEndings("\n")).Append('\n');
        return text.ToString();
    }

    /// <summary>The theme's English words, for the editor to translate into a language the theme has no words for.</summary>
    private static string Words(Language language)
    {
        var english = Templates.EmbeddedTheme.Files.First(f => f.Path == "i18n/en.yaml").Bytes;
        var lines = Encoding.UTF8.GetString(english).Split('\n').Where(l => !l.StartsWith('#'));
        return $"# The theme's words in {language.Name} ({language.Code}): translate each text after the colon.\n" +
            string.Join('\n', lines);
    }

    private static string Workflow(string version) => $$$"""
        # Builds the site with every warning an error on each push, and publishes it with GitHub
        # Pages from the main branch. In the repository's settings, under Pages, choose
        # "GitHub Actions" as the source.
        name: Build and deploy

        on:
          push:
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: pages-${{ github.ref }}
          cancel-in-progress: true

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x
              # The version this site was started with, so that every build makes the same site.
              - run: dotnet tool install --global BlackJanuary --version {{{version}}}
              - id: pages
                if: github.ref == 'refs/heads/main' && github.event_name != 'pull_request'
                uses: actions/configure-pages@v5
              - name: Build the site (warnings are errors)
                run: >
                  blackjanuary build --strict
                  ${{ steps.pages.outputs.base_url && format('--base-url {0}/', steps.pages.outputs.base_url) || '' }}
              - if: steps.pages.outcome == 'success'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            if: github.ref == 'refs/heads/main' && github.event_name != 'pull_request'
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;
}
